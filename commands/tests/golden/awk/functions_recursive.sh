awk 'function fact(n) { return n <= 1 ? 1 : n * fact(n - 1) }
function fib(n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2) }
BEGIN { print fact(10), fib(20) }'
