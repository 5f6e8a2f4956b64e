echo before
fi
echo after
