mkdir -p t/a; touch t/f t/a/g
chmod -R 700 t; stat -c '%A %n' t t/f t/a t/a/g
chmod -R go+rX t; stat -c '%A %n' t t/f t/a t/a/g
chmod -v 644 t/f; chmod -v 644 t/f; chmod -c 600 t/f; chmod -c 600 t/f
