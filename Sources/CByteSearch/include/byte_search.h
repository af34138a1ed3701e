#ifndef THREADMINER_BYTE_SEARCH_H
#define THREADMINER_BYTE_SEARCH_H
#include <stddef.h>

/// Returns 1 when `needle` occurs in `haystack`, else 0 (glibc's two-way memmem).
int threadminer_contains(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

/// Returns the index of the first occurrence of `needle` in `haystack`, or -1.
long threadminer_find(const void *haystack, size_t haystack_length, const void *needle, size_t needle_length);

#endif
