/* main.c — entry point of the coreutils multi-call module: runs the utility named by argv[0]. */
#include <stdio.h>
#include <string.h>

#include "multicall.h"

static const char *base_name(const char *path) {
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int main(int argc, char **argv) {
    const char *name = argc > 0 ? base_name(argv[0]) : "";
    if (strcmp(name, "coreutils") == 0 && argc > 1) {
        argv++, argc--;
        name = base_name(argv[0]);
    }
    for (const struct se_command *c = se_commands; c->name; c++)
        if (strcmp(c->name, name) == 0) return c->main(argc, argv);
    fprintf(stderr, "coreutils: unknown command '%s'\n", name);
    return 127;
}
