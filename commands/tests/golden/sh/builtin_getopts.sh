set -- -a -b val -cfoo arg1 arg2
while getopts ab:c: opt; do
  echo "opt=$opt OPTARG=${OPTARG-unset} OPTIND=$OPTIND"
done
echo "ind=$OPTIND"
shift $((OPTIND-1))
echo "rest: $*"
