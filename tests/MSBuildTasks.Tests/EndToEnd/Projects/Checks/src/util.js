let y;
y = x;
