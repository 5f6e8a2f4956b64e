printf 'a\n\nb\nc\n' > f
nl f
nl -ba f
nl -bn f
nl -w3 -s: f
nl -v10 -i5 f
