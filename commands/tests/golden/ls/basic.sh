mkdir w && cd w
mkdir -p d/sub e
touch a b .hidden d/x d/sub/y
echo hello > c
ls
echo "-- -a"; ls -a
echo "-- -A"; ls -A
echo "-- -1 d"; ls -1 d
echo "-- two dirs"; ls d e
echo "-- files and dir"; ls c a d
echo "-- -d"; ls -d d e
