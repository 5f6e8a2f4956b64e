tar cf a.tar missing; echo "status $?"
tar cf b.tar; echo "status $?"
touch f; tar cf c.tar f; tar tf c.tar nothere; echo "status $?"
echo junk > j.tar; tar tf j.tar; echo "status $?"
tar tf nofile.tar; echo "status $?"
tar f x.tar; echo "status $?"
tar cf - /etc/hostname | tar tf -
