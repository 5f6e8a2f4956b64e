set -a
V=exported
sh -c 'echo V=$V'
