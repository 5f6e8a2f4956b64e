/* Spins forever without a single host call: only the epoch interrupt can stop it. */
#include <stdio.h>

int main(void) {
    volatile unsigned long n = 0;
    printf("spinning\n");
    fflush(stdout);
    for (;;) n++;
    return 0;
}
