f() { for i in 1 2 3; do if [ $i = 2 ]; then return 5; fi; echo $i; done; }
f; echo $?
for i in 1 2 3; do for j in a b c; do
  [ $j = b ] && continue 2
  [ $i = 3 ] && break 2
  echo $i$j
done; done
for i in 1 2 3; do [ $i = 2 ] && continue; echo c$i; done
while true; do break; done; echo broke
