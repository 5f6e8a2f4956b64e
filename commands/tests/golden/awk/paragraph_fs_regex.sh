printf 'a,b\nc;d\n\ne\n' | awk 'BEGIN { RS = ""; FS = "[,;]" } { for (i = 1; i <= NF; i++) printf "<%s>", $i; print "" }'
printf 'a\tb\nc\n\n' | awk 'BEGIN { RS = ""; FS = "\t" } { print NF }'
printf 'a\nb\n\nc\nd\n' | awk 'BEGIN { RS = ""; getline; print "[" $0 "]"; RS = "\n"; getline; print "[" $0 "]" }'
