case x in x) echo
