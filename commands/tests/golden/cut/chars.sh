printf 'hello\nworld\n' > f
cut -c1 f
cut -c2-4 f
cut -c-2,4- f
cut -b3 f
cut -c2 --complement f
