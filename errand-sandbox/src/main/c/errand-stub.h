/* errand-stub's parts (see errand-stub.c for what the program does and its protocols). */
#ifndef ERRAND_STUB_H
#define ERRAND_STUB_H

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <unistd.h>

#define MAX_ARGS 256
#define MAX_ARG_BYTES (1 << 20)
#define PROTOCOL_ERROR 97

/* One step of a code run: the compiler or the program, its rlimits and its argv. */
struct step {
    int present;
    unsigned long long data_kb, nproc, cpu_s, fsize;
    int keep;
    int argc;
    char *argv[MAX_ARGS + 1];
};

/* errand-stub.c: what every part uses */
void fail(int code, const char *fmt, ...) __attribute__((noreturn, format(printf, 2, 3)));
unsigned long long number(const char *s, const char *what);
void write_all(int fd, const char *p, size_t n);
int open_or_fail(const char *path, int flags);

/* request.c: the request on stdin, the files it carries, the report on stdout */
extern unsigned long long cap;
int in_line(char *out, size_t max);
char *in_cstring(size_t *budget);
void receive(const char *path, unsigned long long size);
unsigned long long size_of(const char *path);
void send(const char *path, unsigned long long n);
void report(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
unsigned long long min_cap(unsigned long long n);

/* code.c: the code mode */
extern volatile sig_atomic_t stepping, terminated;
int reap(pid_t pid, struct rusage *ru);
/* Applies a step's rlimits (core 0, data, nproc, CPU plus extra_cpu_s, fsize) to process pid
 * (0: this one); returns 0, or -1 when one could not be set (the others still are). */
int apply_limits(pid_t pid, const struct step *s, unsigned long long extra_cpu_s);
int code(void);

/* preload.c: the launcher started ahead */
void preload_start(char **argv);
int preload_pending(void);
void preload_wait_ready(void);
void preload_drop(void);
int preload_alive(void);
int run_preloaded(const struct step *s, struct rusage *ru);

/* launch.c: the launch mode */
int launch(int argc, char **argv);

#endif
