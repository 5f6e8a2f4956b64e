if true
then
  echo a
else echo b; fi
while false
do :
done
echo end; { echo g1
echo g2; }
