( exit 0 ); echo $?
( false ); echo $?
( exit 255 ); echo $?
( exit 256 ); echo $?
