set -x
echo hello
x=1
y=$(echo sub)
set +x
echo quiet
