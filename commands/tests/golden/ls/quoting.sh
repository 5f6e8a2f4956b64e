mkdir w && cd w
for n in 'a b' "it's" 'x"y' 'a$b' 'c*d' 'e=f' '~j' '#k' 'l#' 'o:p' 's@t' 'ok' 'b\c' "a'b\$c" '-dash'; do touch -- "$n"; done
touch "$(printf 'nl\nx')" "$(printf 'tab\tx')"
ls --quoting-style=shell-escape
ls --quoting-style=shell-escape -F | grep s@t
ls -w 60 -C --quoting-style=shell-escape
echo "-- literal when not a terminal"; ls | head -3
ln -s 'a b' lnk; ls -l --quoting-style=shell-escape lnk | sed 's/.* lnk/lnk/'
