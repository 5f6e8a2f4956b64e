echo 'echo hi' > plain
./plain
echo $?
mkdir dir
./dir
echo $?
