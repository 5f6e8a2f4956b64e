mkdir real
ln -s real link
cd link
echo ${PWD##*/}
pwd | sed 's|.*/||'
pwd -P | sed 's|.*/||'
cd ..
cd -P link
echo ${PWD##*/}
