echo if then else fi do done case esac for while in
echo { }
