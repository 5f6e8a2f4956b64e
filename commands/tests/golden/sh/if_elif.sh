for v in 1 2 3; do
  if [ $v = 1 ]; then echo one
  elif [ $v = 2 ]; then echo two
  else echo other
  fi
done
if false; then :; fi; echo $?
