echo one > a
mv a b && ls && cat b
mkdir d
mv -v b d; ls d
touch x y; mv x y d; ls d
mv missing z; echo "status $?"
mv d/y d/y; echo "status $?"
mv; echo "status $?"
mv q; echo "status $?"
touch p q; mv p q nodir; echo "status $?"
