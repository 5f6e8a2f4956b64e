touch f; unlink f && ls
unlink f; echo "status $?"
unlink; echo "status $?"
unlink a b; echo "status $?"
mkdir d; unlink d; echo "status $?"
