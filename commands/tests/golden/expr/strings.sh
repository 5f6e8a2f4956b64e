expr abc : 'a\(.\)c'
expr abc : 'a.*'
expr abc : 'x'
expr length abc
expr substr hello 2 3
expr index hello l
expr match abc 'a\(b\)'
expr + length
expr abc = abc
expr abc \< abd
expr 10 \< 9
expr 01 = 1
