e=
: ${e:?}
echo no
