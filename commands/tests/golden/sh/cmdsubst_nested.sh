echo $(echo $(echo deep) $(echo two))
echo `echo \`echo inner\``
echo "$(echo "quoted $(echo in)")"
echo $(case x in x) echo casein;; esac)
