. ./nothere
echo unreachable
