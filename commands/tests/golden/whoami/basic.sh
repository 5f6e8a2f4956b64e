whoami
whoami extra; echo "status $?"
