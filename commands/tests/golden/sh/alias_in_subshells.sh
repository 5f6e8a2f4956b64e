alias ll='echo ll:'
( ll a )
echo "$(ll b)"
ll c | cat
f() { ll d; }
f | cat
