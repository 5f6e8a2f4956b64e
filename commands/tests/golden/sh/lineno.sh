echo line
f() {
  echo $LINENO
}
f
nonexistent_on_line_6
