set -o | grep -v pipefail
set -e -u
set +o | grep -v pipefail
set -o | grep -E 'errexit|nounset'
