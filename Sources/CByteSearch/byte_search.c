#define _GNU_SOURCE
#include <string.h>
#include "byte_search.h"

int threadminer_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    return memmem(haystack, haystack_length, needle, needle_length) != NULL;
}

long threadminer_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length) {
    if (needle_length == 0) return 0;
    const char *found = memmem(haystack, haystack_length, needle, needle_length);
    return found == NULL ? -1 : (long)(found - (const char *)haystack);
}

/* One bit per hashed 3-byte sequence, 2^20 bits: a needle with a 3-byte sequence
   whose bit is clear cannot occur, so most absent needles cost no full scan. */
static inline uint32_t gram_hash(const unsigned char *p) {
    uint32_t v = (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16);
    return (v * 2654435761u) >> (32 - THREADMINER_GRAM_BITS);
}

void threadminer_grams_build(uint64_t *bits, const void *haystack, size_t haystack_length) {
    memset(bits, 0, THREADMINER_GRAM_WORDS * sizeof(uint64_t));
    if (haystack_length < 3) return;
    const unsigned char *p = haystack;
    /* The same sequences as gram_hash reads, kept in a rolling register: the bytes at
       i-2, i-1, i in bits 0-7, 8-15 and 16-23. */
    uint32_t v = ((uint32_t)p[0] << 8) | ((uint32_t)p[1] << 16);
    for (size_t i = 2; i < haystack_length; i++) {
        v = (v >> 8) | ((uint32_t)p[i] << 16);
        uint32_t h = (v * 2654435761u) >> (32 - THREADMINER_GRAM_BITS);
        bits[h >> 6] |= (uint64_t)1 << (h & 63);
    }
}

int threadminer_grams_may_contain(const uint64_t *bits, const void *needle, size_t needle_length) {
    const unsigned char *p = needle;
    for (size_t i = 0; i + 3 <= needle_length; i++) {
        uint32_t h = gram_hash(p + i);
        if (!(bits[h >> 6] & ((uint64_t)1 << (h & 63)))) return 0;
    }
    return 1;
}
