awk 'BEGIN { print("a", "b"); print ("c")("d"); print (1)+2, 3; print (1 > 2) ? "gt" : "le" }'
