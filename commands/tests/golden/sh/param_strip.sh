p=/usr/local/lib/file.tar.gz
echo ${p%.*} ${p%%.*} ${p#*/} ${p##*/}
echo ${p%/*} ${p#/usr}
x=aaa
echo ${x#a} ${x##a} ${x%a*} ${x%%a*}
y='a*b'
echo ${y#'a*'} ${y#a\*}
echo ${p%"$p"}x
