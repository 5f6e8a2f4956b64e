/* hash.h — MD5, SHA-1, SHA-256, SHA-512 (from RFC 1321 and FIPS 180-4) with one streaming interface. */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>
#include <stdint.h>

enum { H_MD5, H_SHA1, H_SHA224, H_SHA256, H_SHA384, H_SHA512 };

typedef struct {
    int alg;
    uint64_t len;      /* bytes hashed so far */
    uint32_t h32[8];
    uint64_t h64[8];
    unsigned char buf[128];
    size_t nbuf;
} hash_ctx;

void hash_init(hash_ctx *c, int alg);
void hash_update(hash_ctx *c, const void *data, size_t n);
/* Writes the digest; returns its length in bytes. */
int hash_final(hash_ctx *c, unsigned char *out);
int hash_size(int alg);

#endif
