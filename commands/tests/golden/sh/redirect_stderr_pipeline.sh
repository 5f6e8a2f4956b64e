{ echo out; echo err >&2; } 2>&1 | sort
ls /nonexistent_dir_zz 2>&1 >/dev/null | sed 's/.*nonexistent.*/error seen/'
