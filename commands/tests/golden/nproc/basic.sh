n=$(nproc); [ "$n" -ge 1 ] && echo ok
OMP_NUM_THREADS=3 nproc
m=$(nproc --ignore=100); echo "$m"
