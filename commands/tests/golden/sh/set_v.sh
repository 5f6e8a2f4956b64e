set -v
echo verbose
x=1
