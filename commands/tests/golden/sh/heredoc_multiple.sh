cat <<A; cat <<B
first
A
second
B
cat <<X | tr a-z A-Z
piped
X
