HOME=/h
echo ~ ~/ ~/a "~/b" ~nosuchuser_x/c
x=~; echo $x
echo a~b
