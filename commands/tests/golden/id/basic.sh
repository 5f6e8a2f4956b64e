id
id -u; id -g; id -G; id -un; id -gn
id root
id -n; echo "status $?"
