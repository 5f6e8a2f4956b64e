printf 'a\nb\nc\nd\ne\nf\ng\nh\n' > t
grep -A1 c t
grep -B2 e t
grep -C1 -e b -e g t
grep -n -C1 d t
grep -A1 -e a -e b t
grep -2 e t
grep -m2 -c '[a-z]' t
grep -A x a t
echo "status $?"
