awk 'BEGIN { print ENVIRON["LC_ALL"], ENVIRON["TZ"]; print ("NOPE_XYZ" in ENVIRON) }'
FOO=bar awk 'BEGIN { print ENVIRON["FOO"] }'
