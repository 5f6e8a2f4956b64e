/* sleep — pause for the sum of the given durations (fractions, suffixes s m h d). */
#include <errno.h>
#include <time.h>

#include "cu.h"
#include "fsutil.h"

SE_COMMAND("sleep", sleep_main)

int sleep_main(int argc, char **argv) {
    cu_init(argc, argv);
    int first = 1;
    if (argc > 1 && argv[1][0] == '-' && argv[1][1] == '-' && !argv[1][2]) first = 2;
    else if (argc > 1 && argv[1][0] == '-' && argv[1][1])
        cu_usage_error(1, "invalid option -- '%c'", argv[1][1]);
    if (first >= argc) cu_usage_error(1, "missing operand");
    double total = 0;
    int bad = 0;
    for (int i = first; i < argc; i++) {
        double v;
        if (fs_parse_duration(argv[i], &v) < 0) {
            cu_error(0, 0, "invalid time interval %s", cu_quote(argv[i]));
            bad = 1;
        } else total += v;
    }
    if (bad) cu_usage_error(1, NULL);
    if (total > 1e12) total = 1e12;
    struct timespec ts = {(time_t)total, (long)((total - (double)(time_t)total) * 1e9)};
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {}
    return 0;
}
