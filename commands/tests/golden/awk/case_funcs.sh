awk 'BEGIN { print tolower("HeLLo 123 ÀB"), toupper("mixed Case_x"); x = 12; print toupper(x) + 1 }'
