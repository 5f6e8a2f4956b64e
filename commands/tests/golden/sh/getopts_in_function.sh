parse() {
  OPTIND=1
  while getopts "vn:" o; do
    case $o in
      v) echo verbose;;
      n) echo "n=$OPTARG";;
      ?) echo bad;;
    esac
  done
  shift $((OPTIND - 1))
  echo "rest=$*"
}
parse -v -n 3 file
parse -n5 other
