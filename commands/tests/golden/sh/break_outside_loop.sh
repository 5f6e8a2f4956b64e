break
continue
echo ok
