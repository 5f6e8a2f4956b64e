type export set : . exit
type cat >/dev/null && echo found
