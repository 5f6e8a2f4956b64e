trap 'echo got HUP' HUP
trap 'echo got INT' INT
kill -HUP $$
kill -INT $$
echo end
