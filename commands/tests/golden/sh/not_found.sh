nonexistent_command_xyz
echo $?
./nothere
echo $?
