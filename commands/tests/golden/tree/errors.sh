touch f
tree nope; echo "status $?"
tree f; echo "status $?"
tree -L 0 .; echo "status $?"
mkdir -p e/q/r; touch e/q/r/s; tree e
