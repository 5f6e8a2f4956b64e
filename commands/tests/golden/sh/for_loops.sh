for i in a b c; do echo $i; done
set -- x y
for i; do echo p$i; done
for i
do echo q$i
done
for i in; do echo never; done
for i in $(echo 1 2); do echo s$i; done
echo last $i
