awk 'function add(arr, k, v) { arr[k] = v } function cnt(arr,   k, n) { for (k in arr) n++; return n + 0 } BEGIN { add(m, "a", 1); add(m, "b", 2); print cnt(m), m["b"]; print cnt(empty) }'
