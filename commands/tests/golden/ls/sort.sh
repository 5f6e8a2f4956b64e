printf 123 > small; printf 1234567890 > large; printf 12345 > mid
touch -d '2020-01-01' small; touch -d '2021-01-01' large; touch -d '2022-01-01' mid
echo "-- -t"; ls -t
echo "-- -S"; ls -S
echo "-- -r"; ls -r
echo "-- -tr"; ls -tr
echo "-- -Sr"; ls -Sr
