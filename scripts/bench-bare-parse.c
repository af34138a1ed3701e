/*
 * bench-bare-parse: the baseline for scripts/bench.
 *
 * Reads a list of file paths (one per line) from the file named by argv[1],
 * or from stdin when there is no argument or the argument is "-". For each
 * path it reads the whole file into memory and parses it with libxml2's
 * htmlReadMemory (recover, no errors/warnings, no network, huge), then frees
 * the document. Only the read+parse loop is timed (CLOCK_MONOTONIC); reading
 * the list itself is not.
 *
 * Prints exactly one line on stdout:
 *     files=N bytes=B seconds=S
 * Diagnostics go to stderr. Exit status: 0 on success, 1 if a file cannot be
 * read, 2 on usage errors. A page libxml2 returns no document for (e.g. an
 * empty file) still counts as parsed; the number of such pages is reported on
 * stderr as a note.
 *
 * Build:
 *     cc -O2 $(pkg-config --cflags libxml-2.0) -o bench-bare-parse \
 *        scripts/bench-bare-parse.c $(pkg-config --libs libxml-2.0)
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#define BENCH_PARSE_OPTIONS                                                    \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |         \
     HTML_PARSE_NONET | (1 << 19) /* XML_PARSE_HUGE */)

/* Reads the list of paths into a NULL-terminated array. Empty lines and a
 * trailing '\r' are ignored. */
static char **read_list(FILE *in, size_t *count) {
    size_t cap = 1024, n = 0;
    char **paths = malloc(cap * sizeof *paths);
    char *line = NULL;
    size_t linecap = 0;
    ssize_t len;

    if (paths == NULL) {
        perror("bench-bare-parse: malloc");
        exit(1);
    }
    while ((len = getline(&line, &linecap, in)) != -1) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (n + 1 >= cap) {
            cap *= 2;
            char **grown = realloc(paths, cap * sizeof *paths);
            if (grown == NULL) {
                perror("bench-bare-parse: realloc");
                exit(1);
            }
            paths = grown;
        }
        paths[n] = strdup(line);
        if (paths[n] == NULL) {
            perror("bench-bare-parse: strdup");
            exit(1);
        }
        n++;
    }
    if (ferror(in)) {
        perror("bench-bare-parse: reading the list of paths");
        exit(1);
    }
    free(line);
    paths[n] = NULL;
    *count = n;
    return paths;
}

/* Reads the whole file at path into *buf (grown as needed). Returns the
 * number of bytes, or -1 with errno set. */
static long long read_file(const char *path, char **buf, size_t *cap) {
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    /* Room for the whole file (per fstat) plus a NUL; grows if it was wrong. */
    size_t need = (st.st_size > 0 ? (size_t)st.st_size : 0) + 1;
    size_t len = 0;
    for (;;) {
        if (need > *cap) {
            size_t newcap = *cap ? *cap : 65536;
            while (newcap < need)
                newcap *= 2;
            char *grown = realloc(*buf, newcap);
            if (grown == NULL) {
                close(fd);
                errno = ENOMEM;
                return -1;
            }
            *buf = grown;
            *cap = newcap;
        }
        ssize_t got = read(fd, *buf + len, *cap - len - 1);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int saved = errno;
            close(fd);
            errno = saved;
            return -1;
        }
        if (got == 0)
            break;
        len += (size_t)got;
        if (len + 1 >= *cap)
            need = *cap * 2; /* buffer full: the file is larger than fstat said */
    }
    close(fd);
    (*buf)[len] = '\0';
    return (long long)len;
}

int main(int argc, char **argv) {
    FILE *in = stdin;
    if (argc > 2) {
        fprintf(stderr, "usage: %s [LIST-FILE | -]   (one path per line; stdin by default)\n",
                argv[0]);
        return 2;
    }
    if (argc == 2 && strcmp(argv[1], "-") != 0) {
        in = fopen(argv[1], "r");
        if (in == NULL) {
            fprintf(stderr, "bench-bare-parse: cannot open list %s: %s\n", argv[1],
                    strerror(errno));
            return 2;
        }
    }
    size_t count = 0;
    char **paths = read_list(in, &count);
    if (in != stdin)
        fclose(in);
    if (count == 0) {
        fprintf(stderr, "bench-bare-parse: the list of paths is empty\n");
        return 2;
    }

    xmlInitParser();

    char *buf = NULL;
    size_t cap = 0;
    unsigned long long total = 0;
    size_t no_document = 0;
    struct timespec start, end;

    clock_gettime(CLOCK_MONOTONIC, &start);
    for (size_t i = 0; i < count; i++) {
        long long len = read_file(paths[i], &buf, &cap);
        if (len < 0) {
            fprintf(stderr, "bench-bare-parse: cannot read %s: %s\n", paths[i],
                    strerror(errno));
            return 1;
        }
        if (len > INT_MAX) {
            fprintf(stderr, "bench-bare-parse: %s is larger than 2 GiB\n", paths[i]);
            return 1;
        }
        total += (unsigned long long)len;
        htmlDocPtr doc = htmlReadMemory(buf, (int)len, paths[i], NULL, BENCH_PARSE_OPTIONS);
        if (doc == NULL)
            no_document++;
        else
            xmlFreeDoc(doc);
    }
    clock_gettime(CLOCK_MONOTONIC, &end);

    double seconds =
        (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    if (no_document > 0)
        fprintf(stderr, "bench-bare-parse: note: libxml2 returned no document for %zu of %zu files\n",
                no_document, count);
    printf("files=%zu bytes=%llu seconds=%.6f\n", count, total, seconds);

    xmlCleanupParser();
    free(buf);
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
    return 0;
}
