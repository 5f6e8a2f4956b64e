export A=1
sh -c 'echo A=$A'
B=2
sh -c 'echo B=$B'
export B
sh -c 'echo B=$B'
export -p | grep -E "^export [AB]="
export C
export -p | grep "export C"
unset A
sh -c 'echo A=$A'
