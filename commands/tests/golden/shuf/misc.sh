seq 10 > s10
shuf -n 0 s10
shuf s10 | sort -n | paste -sd' '
shuf -i 1-5 | sort -n | paste -sd' '
shuf -n 3 s10 | wc -l
shuf -i 5-1
echo "status $?"
printf 'ab' > short
shuf --random-source=short s10
echo "status $?"
