mkdir w && cd w
touch a b.txt c.c z.a; mkdir dir; for i in 1 2 3 4 5 6 7 8 9 10 11 12; do touch "file$i"; done
chmod +x b.txt
echo "-- -C"; COLUMNS=40 ls -C
echo "-- -x"; COLUMNS=40 ls -x
echo "-- -p"; ls -p
echo "-- -X"; ls -X
echo "-- -v"; ls -v
echo "-- dirs first"; ls --group-directories-first
echo "-- -n -g -o"; touch -d '2020-01-02 03:04:05' a; chmod 644 a; ls -n a; ls -g a; ls -o a
echo "-- full-time"; ls --full-time a; ls -l --time-style=long-iso a
echo "-- -U -1 is a plain listing"; ls -U . | sort | head -3
echo "-- color is ignored when not a tty"; ls --color=auto a
