set -e
false | true
echo survived pipe
! false
echo survived not
x=$(false) || echo assign failed
echo end
