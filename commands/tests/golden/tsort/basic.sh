printf 'x y\nx z\ny z\nw x\n' | tsort
printf 'a b\nc d\nb c\n' | tsort
printf 'a a\nb c\n' | tsort
printf 'd c\nc b\nb a\ne a\nf f\n' | tsort
