cat < nonexistent
echo status $?
echo hi > /nonexistent/dir/file
echo status $?
echo x >&9
echo status $?
