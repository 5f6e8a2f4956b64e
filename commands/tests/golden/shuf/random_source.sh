head -c 512 /dev/zero | tr '\0' '\141' > rs
printf '\001\002\003\004\005\006\007\010\011\012\013\014\015\016\017\020\021\022\023\024\025\026\027\030\031\032\033\034\035\036\037\040\041\042\043\044\045\046\047\050\051\052\053\054\055\056\057' > rs2
seq 10 > s10
shuf --random-source=rs s10
shuf --random-source=rs2 s10
shuf -n 3 --random-source=rs2 s10
seq 10 | shuf -n 3 --random-source=rs2
shuf -e a b c d --random-source=rs2
shuf -i 1-20 -n 5 --random-source=rs2
shuf -r -n 5 -i 1-3 --random-source=rs2
