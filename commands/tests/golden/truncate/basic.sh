printf 1234567890 > f
truncate -s 5 f; cat f; echo
truncate -s +2 f; wc -c < f
truncate -s -3 f; wc -c < f
truncate -s '>10' f; wc -c < f
truncate -s '<4' f; wc -c < f
truncate -s 1K new; wc -c < new
truncate -s %3 f; wc -c < f
truncate -r new f; wc -c < f
truncate -c -s 1 nofile; ls nofile; echo "status $?"
truncate -s nope f; echo "status $?"
truncate f; echo "status $?"
