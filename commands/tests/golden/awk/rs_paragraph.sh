printf '\n\npara one\nline two\n\n\n\npara two\n\nthree a\nthree b\n\n' | awk 'BEGIN { RS = "" } { print NR ": " $1 "/" $NF " NF=" NF; n = split($0, a, "\n"); print "lines", n }'
printf 'a:b\nc:d\n\ne:f\n' | awk 'BEGIN { RS = ""; FS = ":" } { for (i = 1; i <= NF; i++) printf "[%s]", $i; print "" }'
