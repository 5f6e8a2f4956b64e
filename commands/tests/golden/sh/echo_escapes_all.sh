echo 'a\bb' | od -c | head -1 | sed 's/  */ /g'
echo 'x\ty\vz\fw\rq' | od -c | head -1 | sed 's/  */ /g'
echo '\061\62'
