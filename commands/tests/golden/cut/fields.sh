printf 'a:b:c\n1:2:3\nnodelim\n' > f
cut -d: -f2 f
cut -d: -f1,3 f
cut -d: -f2- f
cut -d: -f-2 f
cut -d: -s -f1 f
cut -d: --complement -f2 f
cut -d: -f1,3 --output-delimiter=' ' f
printf 'a\tb\n' | cut -f2
