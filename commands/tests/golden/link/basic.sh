echo x > g; link g h && cat h
link g h; echo "status $?"
link g; echo "status $?"
link missing z; echo "status $?"
