echo hi > a
ln a b && cat b
ln -s a s && ls -l s | sed 's/.* s ->/s ->/'
ln a b; echo "status $?"
ln -s a s; echo "status $?"
echo new > n; ln -sf n s; cat s
ln -fv a b
ln -sv a s2
mkdir d; ln -s ../a d/ && cat d/a
ln a b n d; ls d
ln missing x; echo "status $?"
ln; echo "status $?"
ln -s /some/where; ls -l where | sed 's/.* where/where/'
