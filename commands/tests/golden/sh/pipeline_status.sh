false | true; echo $?
true | false; echo $?
! true; echo $?
! false; echo $?
! false | false; echo $?
