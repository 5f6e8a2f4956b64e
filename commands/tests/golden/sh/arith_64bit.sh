# arithmetic and printf use 64-bit integers like dash (intmax_t), also in the wasm32 build
echo $((1<<40)) $((-9223372036854775807-1)) $((3000000000*2))
x=4294967296; echo $((x+1))
printf '%x %o %u %d\n' -1 -8 -1 4294967296
test 4294967296 -gt 1 && echo big
