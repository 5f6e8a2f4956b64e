set -- -x -b
while getopts ab: opt; do echo "opt=$opt"; done
OPTIND=1
set -- -x -b
while getopts :ab: opt; do echo "opt=$opt arg=$OPTARG"; done
