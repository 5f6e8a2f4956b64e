for w in apple banana cherry 42 ''; do
  case $w in
    a*) echo "$w: a-word";;
    b*|c*) echo "$w: b or c";;
    [0-9]*) echo "$w: number" ;;
    '') echo empty;;
  esac
done
case x in (x) echo paren;; esac
case y in x) echo no;; *) echo default; esac
case "a*" in "a*") echo literal;; esac
case ab in "a"*) echo qprefix;; esac
