printf 'hello' > f; chmod 640 f; touch -d '2020-01-02 03:04:05.5' f
mkdir d; chmod 755 d; ln -s f l
stat -c '%n %s %a %A %F %u %U %g %G %h' f
stat -c '%y|%Y|%x' f
stat -c '%N' l f
stat -c '%F %a' d l
stat -L -c '%F %s' l
stat --printf '%n\t%s\n' f f
stat -c '%-6s|%6s|%06s|%5a' f
stat -c '%i' f | grep -c '^[0-9][0-9]*$'
stat -t f | cut -d' ' -f1,2,4,5
