HOME=/home/u
a=~/x:~/y
echo $a
echo ~ ~/d "~" ~root
b=x~
echo $b
