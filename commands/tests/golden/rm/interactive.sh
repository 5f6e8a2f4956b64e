touch a b; echo data > c; mkdir -p d/e; touch d/e/f
printf 'y\nn\ny\n' | rm -i a b c; echo; ls
printf 'y\ny\ny\ny\n' | rm -ri d; echo; ls
