awk 'BEGIN { n = split("  a b  c ", arr); print n, arr[1], arr[3]; n = split("a:b::c", arr, ":"); print n, arr[3] "|" arr[4]; n = split("a1b22c", arr, /[0-9]+/); print n, arr[2], arr[3]; n = split("", arr); print n, length(arr[1]); n = split("x.y.z", arr, "."); print n, arr[2]; n = split("abc", arr, ""); print n, arr[1] }'
echo '1 2 3' | awk '{ n = split($0, a); print a[1] + a[3], n }'
