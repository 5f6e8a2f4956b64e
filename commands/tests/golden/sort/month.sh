printf 'Mar\njan\n feb\nxyz\nDEC 1\n' | sort -M
printf 'x Mar\ny jan\n' | sort -k2M
