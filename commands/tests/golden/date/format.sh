date -d '2024-01-02 03:04:05'
date -d '2024-01-02 03:04:05' '+%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %u %w %y %C %p %Z %z %:z %s'
date -d '2024-01-02 03:04:05' '+%-d|%_H|%e|%^a|%10Y|%-m|%N|%3N|%P|%D|%T|%F|%R|%h|%%|%n|%t|'
date -d @1700000000
date -u -d @0 +%s
date -d '2024-02-29T12:00:00Z' +%F
date -d '2024-01-02 03:04:05 +0100' '+%F %T'
date -d '2024-01-02' '+%F %T'
date -d @1.5 +%s.%N
echo "-- iso"; date -d @0 -I; date -d @0 -Iseconds; date -d @0 -Ins; date -d @0 -Ihours; date -d @0 -Iminutes
date -R -d @0; date --rfc-3339=seconds -d @0
echo "-- relative"; date -d '2024-01-02 03:04:05 1 day ago' +%F
echo "-- ref"; touch -d '2022-02-03 04:05:06' f; date -r f '+%F %T'
echo "-- forms"
for d in "Jan 2 2024" "2 January 2024 10:00" "20240102" "2024/01/02" "January 2, 2024" "12/25/2024" \
  "Tue, 02 Jan 2024 03:04:05 +0000" "2024-01-02T03:04:05.123Z" "2024-01-31 1 month" "2024-02-29 1 year ago" \
  "2024-01-02 03:04:05 +0530" "2024-01-02 03:04:05 2 hours ago" "2024-01-02 10:30pm"; do
  date -d "$d" '+%F %T'
done
