case z in a) echo a;; esac
echo $?
case a in a) false;; esac
echo $?
