f() {
  case $1 in
    -*) echo option;;
    *) echo arg;;
  esac
}
f -x; f y
r=$(f -z)
echo $r
