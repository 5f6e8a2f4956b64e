for i in 1; do echo $i; fi
