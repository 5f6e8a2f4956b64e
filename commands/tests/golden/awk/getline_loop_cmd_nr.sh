printf 'a\nb\n' | awk '{ while (("echo x; echo y" | getline t) > 0) n++; close("echo x; echo y") } END { print n, NR }'
