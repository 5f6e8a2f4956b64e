du missing; echo "status $?"
du -d x .; echo "status $?"
du -sa .; echo "status $?"
