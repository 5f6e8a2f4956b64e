trap 'echo bye' EXIT
trap 'echo int' INT
trap '' HUP
trap
trap - INT
trap
