eval 'for i in 1 2; do echo e$i; done'
eval "f() { echo evalfunc \$1; }"
f x
cmd='echo "quoted arg"'
eval $cmd
eval 'exit 4'
