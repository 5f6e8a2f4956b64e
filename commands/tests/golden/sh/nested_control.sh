for i in 1 2; do
  case $i in
    1) while true; do echo "i=$i"; break; done ;;
    2) if [ $i -eq 2 ]; then for j in a b; do echo "$i$j"; done; fi ;;
  esac
done
