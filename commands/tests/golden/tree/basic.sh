mkdir -p t/a/b t/c; touch t/f t/a/g t/a/b/h t/.hid; ln -s a t/la; ln -s f t/lf; ln -s nope t/dang
tree t
tree -a t
tree -d t
tree -L 1 t
tree -f t/a
tree -F t
tree --noreport t/c
tree -i t
cd t && tree && tree a c
