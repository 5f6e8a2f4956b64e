mkdir -p t/a/b t/c; touch t/a/b/f t/a/g t/c/h t/keep
find t -name '*a*' -delete 2>&1; find t | sort
echo "--"; find t -type f -name h -delete; find t | sort
echo "--"; mkdir t/full; touch t/full/x; find t -name full -type d -delete; echo "status $?"
