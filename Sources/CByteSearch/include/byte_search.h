#ifndef THREADMINER_BYTE_SEARCH_H
#define THREADMINER_BYTE_SEARCH_H
#include <stddef.h>
#include <stdint.h>

#define THREADMINER_GRAM_BITS 20
#define THREADMINER_GRAM_WORDS 16384 /* 2^(THREADMINER_GRAM_BITS - 6) */

/// Returns 1 when `needle` occurs in `haystack`, else 0 (glibc's two-way memmem).
int threadminer_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Returns the index of the first occurrence of `needle` in `haystack`, or -1.
long threadminer_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Fills `bits` (THREADMINER_GRAM_WORDS words) with the hashed 3-byte sequences of `haystack`.
void threadminer_grams_build(uint64_t *bits, const void *haystack, size_t haystack_length);

/// Returns 0 when `needle` cannot occur in the haystack whose `bits` these are (one of
/// its 3-byte sequences is absent), else 1 (it may occur: confirm with a search).
int threadminer_grams_may_contain(const uint64_t *bits, const void *needle, size_t needle_length);

#endif
