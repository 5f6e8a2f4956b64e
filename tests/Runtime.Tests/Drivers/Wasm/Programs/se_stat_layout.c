/* Prints the wasm32 layout of se_stat_t (the driver writes fields at these offsets). */
#include <stddef.h>
#include <stdio.h>
#include "secure_exec.h"

#define F(name) printf(#name "=%zu\n", offsetof(se_stat_t, name))

int main(void) {
    F(dev); F(ino); F(mode); F(nlink); F(uid); F(gid); F(rdev); F(size); F(blksize); F(blocks);
    F(atime_sec); F(atime_nsec); F(mtime_sec); F(mtime_nsec); F(ctime_sec); F(ctime_nsec);
    printf("sizeof=%zu\n", sizeof(se_stat_t));
    return 0;
}
