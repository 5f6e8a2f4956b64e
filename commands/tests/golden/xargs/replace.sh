printf 'a\nb\n' | xargs -I{} echo x{}y {}
printf '  lead\n' | xargs -I X echo "[X]"
printf 'a b\nc\nd e f\n' | xargs -L 2 echo
