/* multicall.h — the dispatch table of the coreutils multi-call module. */
#ifndef MULTICALL_H
#define MULTICALL_H

/* Marks a utility entry point for the table generator: SE_COMMAND("ls", ls_main). Expands to nothing. */
#define SE_COMMAND(name, function)

struct se_command {
    const char *name;
    int (*main)(int argc, char **argv);
};

extern const struct se_command se_commands[];

#endif
