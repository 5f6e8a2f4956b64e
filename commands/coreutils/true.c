/* true, false — exit with a status of success or failure (GNU: options are ignored). */
#include "multicall.h"

SE_COMMAND("true", true_main)
SE_COMMAND("false", false_main)

int true_main(int argc, char **argv) { return 0; }
int false_main(int argc, char **argv) { return 1; }
