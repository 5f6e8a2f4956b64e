mkdir -p real/sub; ln -s real/sub link
cd link
(exec pwd) | sed "s|$HOME|HOME|"
(exec pwd -P) | sed "s|$HOME|HOME|"
(exec pwd -L) | sed "s|$HOME|HOME|"
