awk 'BEGIN { s = sprintf("%03d-%s", 7, "x"); print s, length(s); t = sprintf("%d%%", 50); print t; print sprintf("%s", 1/4) sprintf("%d", "0012") }'
