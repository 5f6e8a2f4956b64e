printf 'hello world\nfoo\n' > f
wc f
wc -l f
wc -w f
wc -c f
wc -m f
wc -L f
wc -lw f
