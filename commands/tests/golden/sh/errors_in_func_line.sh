f() {
  echo in f
  notacmd_here
}
f
