echo start
if true; then
  echo x
