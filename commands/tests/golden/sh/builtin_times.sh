times | sed 's/[0-9]/N/g'
