/*
 * errand-stub: Errand's one native program, built static by the errand-sandbox module (see
 * pom.xml) and shipped inside its jar. Two modes:
 *
 *   errand-stub launch [OPTION]... -- PROGRAM [ARG...]
 *       Prepares this process, in this order, then execs PROGRAM (found on PATH):
 *         --setsid                    a new session and process group (util-linux setsid)
 *         --cgroup FILE               writes its pid to FILE, a cgroup.procs file; repeatable
 *         --stdin-to-fd3              moves stdin to fd 3 and opens /dev/null as stdin (for
 *                                     bubblewrap's --args 3)
 *         --rlimit NAME=SOFT[:HARD]   core, as, data, nproc, cpu or fsize; HARD defaults to SOFT
 *                                     (util-linux prlimit); repeatable
 *         --user UID:GID              drops every supplementary group, the capability bounding,
 *                                     ambient and inheritable sets, switches to UID/GID (real,
 *                                     effective and saved), sets no_new_privs and checks that root
 *                                     cannot be regained (util-linux setpriv --reuid --regid
 *                                     --clear-groups --inh-caps=-all --bounding-set=-all
 *                                     --no-new-privs)
 *       On the host a root server starts bubblewrap through it; inside a sandbox it applies the
 *       program's rlimits. One static program instead of sh, setsid, setpriv and prlimit.
 *
 *   errand-stub [preload -- PROGRAM [ARG...]]
 *       Inside a code sandbox (bind-mounted read-only at /.errand/stub), started ahead of its work
 *       and blocked on stdin. Reads one request, writes its files, compiles and runs it under
 *       rlimits, and reports on stdout. Every run costs two processes (this one and the program;
 *       three with a compiler) where a shell script cost seven.
 *       With preload, PROGRAM (an interpreter's launcher, such as code/preload/python.py) starts at
 *       once, as the sandbox waits, with /dev/null as stdin and stdout, this stub's stderr as its
 *       stderr, the read end of a request pipe as fd 3 and the write end of a ready pipe as fd 4.
 *       It initialises its runtime, closes fd 4 and blocks reading fd 3. When the request's
 *       program step comes (with a P line and no compile step), the stub waits for fd 4 to close, applies the
 *       step's rlimits to it with prlimit(2) (its CPU limit raised by the whole seconds of CPU it
 *       used starting), writes "STDIN\0STDOUT\0STDERR\0" and the step's arguments after the
 *       program name, each NUL-terminated, to the pipe and closes it. The launcher opens the three
 *       files as fds 0, 1 and 2 and runs ARG 1 as its main file with the rest as arguments. The
 *       reported CPU time leaves out what the launcher used before the request. A launcher that
 *       died before the request, or a request without P or with a compile step, runs the step the
 *       usual way. Every run still gets
 *       a fresh sandbox and a fresh process: nothing is shared between runs.
 *
 * The request (stdin), in order, then EOF:
 *
 *   "errand-stub 1\n"
 *   "O CAP\n"                           keep at most CAP bytes of each output
 *   "F SIZE NAME\n" SIZE bytes          a file in /work (NAME has no '/', is not . or ..)
 *   "I SIZE\n" SIZE bytes               the program's stdin (/tmp/.i)
 *   "A SIZE\n" SIZE bytes               cached compile artefacts: a tar unpacked in /work
 *   "C DATA_KB NPROC CPU_S FSIZE KEEP ARGC\n" ARGC NUL-terminated strings
 *                                       the compiler, its limits, KEEP=1 to send /work back as a tar
 *   "R DATA_KB NPROC CPU_S FSIZE ARGC\n" ARGC NUL-terminated strings
 *                                       the program and its limits (CPU_S 0: none)
 *   "P\n"                               run the program in the preloaded launcher (optional;
 *                                       without it a launcher is killed before the program runs)
 *
 * The report (stdout) carries nothing else:
 *
 *   "C\n"                                 compilation starts
 *   "K EXIT OUT_BYTES ARTEFACT_BYTES\n"   then min(OUT_BYTES, CAP) bytes of compiler output and the
 *                                         artefact tar (EXIT is "=" when the cache supplied them)
 *   "R\n"                                 the program starts
 *   "E\n"                                 the program has ended
 *   "X EXIT USER_S SYS_S MAXRSS_KB OUT_BYTES ERR_BYTES\n"
 *                                         then min(OUT_BYTES, CAP) bytes of stdout and of stderr
 *
 * EXIT is a shell's $?: the exit status, or 128 + N after signal N. A program that cannot be
 * started exits 127 (not found) or 126 (not executable), with the reason on its stderr.
 * SIGTERM during a step kills every process of the sandbox but this one (kill(2) with pid -1,
 * which new forks cannot outrun) and the report goes on; the server sends it when a step runs
 * past its wall-clock limit. After each step, leftovers are killed the same way.
 *
 * Protocol errors exit 97 with a message on stderr; nothing is reported.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_ARGS 256
#define MAX_ARG_BYTES (1 << 20)
#define PROTOCOL_ERROR 97

struct step {
    int present;
    unsigned long long data_kb, nproc, cpu_s, fsize;
    int keep;
    int argc;
    char *argv[MAX_ARGS + 1];
};

static volatile sig_atomic_t stepping, terminated;
static unsigned long long cap = 1 << 20;

static void fail(int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("errand-stub: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    _exit(code);
}

/* ---- buffered stdin ---- */

static char in_buf[64 * 1024];
static size_t in_pos, in_len;

static int in_fill(void) {
    ssize_t n;
    do {
        n = read(0, in_buf, sizeof in_buf);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        fail(PROTOCOL_ERROR, "cannot read the request: %s", strerror(errno));
    }
    in_pos = 0;
    in_len = (size_t) n;
    return n > 0;
}

/* Reads a line without its newline; returns 0 at EOF before any byte. */
static int in_line(char *out, size_t max) {
    size_t n = 0;
    for (;;) {
        if (in_pos == in_len && !in_fill()) {
            if (n == 0) {
                return 0;
            }
            fail(PROTOCOL_ERROR, "the request ended inside a line");
        }
        char c = in_buf[in_pos++];
        if (c == '\n') {
            out[n] = 0;
            return 1;
        }
        if (n + 1 >= max) {
            fail(PROTOCOL_ERROR, "a request line is too long");
        }
        out[n++] = c;
    }
}

static void write_all(int fd, const char *p, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0 && errno == EINTR) {
            continue;
        }
        if (w <= 0) {
            fail(PROTOCOL_ERROR, "cannot write: %s", strerror(errno));
        }
        p += w;
        n -= (size_t) w;
    }
}

/* Copies exactly size bytes of the request into fd. */
static void in_copy(int fd, unsigned long long size) {
    while (size > 0) {
        if (in_pos == in_len && !in_fill()) {
            fail(PROTOCOL_ERROR, "the request ended inside a block");
        }
        size_t n = in_len - in_pos;
        if (n > size) {
            n = (size_t) size;
        }
        write_all(fd, in_buf + in_pos, n);
        in_pos += n;
        size -= n;
    }
}

static char *in_cstring(size_t *budget) {
    size_t cap_bytes = 64, n = 0;
    char *s = malloc(cap_bytes);
    for (;;) {
        if (in_pos == in_len && !in_fill()) {
            fail(PROTOCOL_ERROR, "the request ended inside an argument");
        }
        char c = in_buf[in_pos++];
        if (n + 1 >= cap_bytes) {
            cap_bytes *= 2;
            s = realloc(s, cap_bytes);
        }
        if (s == NULL || *budget == 0) {
            fail(PROTOCOL_ERROR, "arguments too long");
        }
        (*budget)--;
        s[n++] = c;
        if (c == 0) {
            return s;
        }
    }
}

static unsigned long long number(const char *s, const char *what) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != 0 || *s == '-') {
        fail(PROTOCOL_ERROR, "bad %s: '%s'", what, s);
    }
    return v;
}

/* ---- files ---- */

static int open_or_fail(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(PROTOCOL_ERROR, "cannot open %s: %s", path, strerror(errno));
    }
    return fd;
}

static void receive(const char *path, unsigned long long size) {
    int fd = open_or_fail(path, O_WRONLY | O_CREAT | O_TRUNC);
    in_copy(fd, size);
    close(fd);
}

static unsigned long long size_of(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (unsigned long long) st.st_size : 0;
}

/* Sends the first n bytes of path to stdout (fewer if it is shorter: padded with NULs, so the
 * report keeps its promised length). */
static void send(const char *path, unsigned long long n) {
    char buf[64 * 1024];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    while (n > 0) {
        size_t want = n < sizeof buf ? (size_t) n : sizeof buf;
        ssize_t r = fd < 0 ? 0 : read(fd, buf, want);
        if (r < 0 && errno == EINTR) {
            continue;
        }
        if (r <= 0) {
            memset(buf, 0, want);
            r = (ssize_t) want;
        }
        write_all(1, buf, (size_t) r);
        n -= (unsigned long long) r;
    }
    if (fd >= 0) {
        close(fd);
    }
}

static void report(const char *fmt, ...) {
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    write_all(1, line, (size_t) n);
}

static unsigned long long min_cap(unsigned long long n) {
    return n < cap ? n : cap;
}

/* ---- steps ---- */

static void on_term(int sig) {
    (void) sig;
    if (stepping) {
        terminated = 1;
        kill(-1, SIGKILL);
    }
}

static void limit(int resource, rlim_t value) {
    struct rlimit r = {value, value};
    setrlimit(resource, &r);
}

/* ---- preloaded launcher ---- */

static pid_t preloaded = -1;
static int preload_fd = -1, ready_fd = -1;

/* Starts the launcher argv: fd 3 the read end of the request pipe (kept in preload_fd), fd 4 the
 * write end of the ready pipe, which it closes when its runtime is up (read from ready_fd). */
static void preload_start(char **argv) {
    int p[2], r[2];
    if (pipe2(p, O_CLOEXEC) != 0 || pipe2(r, O_CLOEXEC) != 0) {
        fail(PROTOCOL_ERROR, "cannot make the preload pipes: %s", strerror(errno));
    }
    pid_t pid = fork();
    if (pid < 0) {
        fail(PROTOCOL_ERROR, "cannot fork the preloaded program: %s", strerror(errno));
    }
    if (pid == 0) {
        /* out of the way first (3 and 4 may be any of the four), then into place without close-on-exec */
        int request = fcntl(p[0], F_DUPFD_CLOEXEC, 10), ready = fcntl(r[1], F_DUPFD_CLOEXEC, 10);
        int null = open("/dev/null", O_RDWR | O_CLOEXEC);
        if (request < 0 || ready < 0 || null < 0 || dup2(null, 0) < 0 || dup2(null, 1) < 0
                || dup2(request, 3) < 0 || dup2(ready, 4) < 0) {
            _exit(PROTOCOL_ERROR);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    close(p[0]);
    close(r[1]);
    preloaded = pid;
    preload_fd = p[1];
    ready_fd = r[0];
}

/* Waits until the launcher closed its end of the ready pipe (or died). */
static void preload_wait_ready(void) {
    char buf[64];
    ssize_t n;
    while ((n = read(ready_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    }
    close(ready_fd);
    ready_fd = -1;
}

/* Drops the launcher (it died, or the request cannot use it). */
static void preload_drop(void) {
    if (preloaded > 0) {
        kill(preloaded, SIGKILL);
        while (waitpid(preloaded, NULL, 0) < 0 && errno == EINTR) {
        }
        close(preload_fd);
        close(ready_fd);
        preloaded = -1;
        preload_fd = -1;
        ready_fd = -1;
    }
}

/* Returns 1 when the launcher is still waiting for its work. */
static int preload_alive(void) {
    if (preloaded <= 0) {
        return 0;
    }
    int status;
    pid_t r = waitpid(preloaded, &status, WNOHANG);
    if (r == 0) {
        return 1;
    }
    close(preload_fd);
    close(ready_fd);
    preloaded = -1;
    preload_fd = -1;
    ready_fd = -1;
    return 0;
}

/* The CPU time, in microseconds, that process pid has used so far; 0 when it cannot be read. */
static long long cpu_used_us(pid_t pid) {
    clockid_t clock;
    struct timespec ts;
    if (clock_getcpuclockid(pid, &clock) != 0 || clock_gettime(clock, &ts) != 0) {
        return 0;
    }
    return (long long) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void prlimit_or_fail(pid_t pid, int resource, rlim_t value) {
    struct rlimit r = {value, value};
    if (prlimit(pid, resource, &r, NULL) != 0) {
        fail(PROTOCOL_ERROR, "cannot limit the preloaded program: %s", strerror(errno));
    }
}

/* Takes us microseconds away from ru's CPU time: from user time first, the rest from system time. */
static void subtract_cpu(struct rusage *ru, long long us) {
    long long user = (long long) ru->ru_utime.tv_sec * 1000000 + ru->ru_utime.tv_usec;
    long long sys = (long long) ru->ru_stime.tv_sec * 1000000 + ru->ru_stime.tv_usec;
    long long from_user = us < user ? us : user;
    user -= from_user;
    sys -= us - from_user < sys ? us - from_user : sys;
    ru->ru_utime.tv_sec = user / 1000000;
    ru->ru_utime.tv_usec = user % 1000000;
    ru->ru_stime.tv_sec = sys / 1000000;
    ru->ru_stime.tv_usec = sys % 1000000;
}

/* Waits for pid; returns its shell-style exit status and fills ru. */
static int reap(pid_t pid, struct rusage *ru) {
    int status = 0;
    while (wait4(pid, &status, 0, ru) < 0) {
        if (errno != EINTR) {
            memset(ru, 0, sizeof *ru);
            status = 0;
            break;
        }
    }
    stepping = 0;
    kill(-1, SIGKILL);
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

/* Runs the program step in the preloaded launcher (see the top of this file). */
static int run_preloaded(const struct step *s, const char *in, const char *out, const char *err,
                         struct rusage *ru) {
    close(open_or_fail(out, O_WRONLY | O_CREAT | O_TRUNC));
    close(open_or_fail(err, O_WRONLY | O_CREAT | O_TRUNC));
    pid_t pid = preloaded;
    long long startup_us = cpu_used_us(pid);
    prlimit_or_fail(pid, RLIMIT_CORE, 0);
    if (s->data_kb > 0) {
        prlimit_or_fail(pid, RLIMIT_DATA, (rlim_t) s->data_kb << 10);
    }
    if (s->nproc > 0) {
        prlimit_or_fail(pid, RLIMIT_NPROC, (rlim_t) s->nproc);
    }
    if (s->cpu_s > 0) {
        /* whole seconds: the program gets CPU_S less the start-up's fraction of a second */
        prlimit_or_fail(pid, RLIMIT_CPU, (rlim_t) (s->cpu_s + (unsigned long long) (startup_us / 1000000)));
    }
    if (s->fsize > 0) {
        prlimit_or_fail(pid, RLIMIT_FSIZE, (rlim_t) s->fsize);
    }
    stepping = 1;
    signal(SIGPIPE, SIG_IGN);
    const char *head[] = {in, out, err};
    for (int i = 0; i < 3; i++) {
        if (write(preload_fd, head[i], strlen(head[i]) + 1) < 0) {
            break; /* it died: wait4 below reports how */
        }
    }
    for (int i = 1; i < s->argc; i++) {
        if (write(preload_fd, s->argv[i], strlen(s->argv[i]) + 1) < 0) {
            break;
        }
    }
    close(preload_fd);
    preload_fd = -1;
    preloaded = -1;
    int r = reap(pid, ru);
    subtract_cpu(ru, startup_us);
    return r;
}

/*
 * Runs argv in /work with the step's limits and the given stdin, stdout and stderr; returns its
 * shell-style exit status and fills ru with its (and its waited-for descendants') usage.
 */
static int run(const struct step *s, const char *in, const char *out, const char *err, struct rusage *ru) {
    int fds[3] = {
        open_or_fail(in, O_RDONLY),
        open_or_fail(out, O_WRONLY | O_CREAT | O_TRUNC),
        err == NULL ? -1 : open_or_fail(err, O_WRONLY | O_CREAT | O_TRUNC),
    };
    stepping = 1;
    pid_t pid = fork();
    if (pid < 0) {
        stepping = 0;
        fail(PROTOCOL_ERROR, "cannot fork: %s", strerror(errno));
    }
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        dup2(fds[0], 0);
        dup2(fds[1], 1);
        dup2(fds[2] < 0 ? fds[1] : fds[2], 2);
        limit(RLIMIT_CORE, 0);
        if (s->data_kb > 0) {
            limit(RLIMIT_DATA, (rlim_t) s->data_kb << 10);
        }
        if (s->nproc > 0) {
            limit(RLIMIT_NPROC, (rlim_t) s->nproc);
        }
        if (s->cpu_s > 0) {
            limit(RLIMIT_CPU, (rlim_t) s->cpu_s);
        }
        if (s->fsize > 0) {
            limit(RLIMIT_FSIZE, (rlim_t) s->fsize);
        }
        execvp(s->argv[0], s->argv);
        int e = errno;
        dprintf(2, "%s: %s\n", s->argv[0], e == ENOENT ? "not found" : strerror(e));
        _exit(e == ENOENT ? 127 : 126);
    }
    int r = reap(pid, ru);
    for (int i = 0; i < 3; i++) {
        if (fds[i] >= 0) {
            close(fds[i]);
        }
    }
    return r;
}

/* Runs a helper (tar) without limits; returns its exit status. */
static int helper(char *const argv[], const char *out) {
    struct step s = {.present = 1};
    int i = 0;
    for (; argv[i] != NULL; i++) {
        s.argv[i] = argv[i];
    }
    s.argv[i] = NULL;
    s.argc = i;
    struct rusage ru;
    return run(&s, "/dev/null", out, NULL, &ru);
}

static void read_step(struct step *s, char *line, int compile) {
    char *f[8];
    int n = 0;
    for (char *t = strtok(line + 2, " "); t != NULL && n < 8; t = strtok(NULL, " ")) {
        f[n++] = t;
    }
    if (n != (compile ? 6 : 5)) {
        fail(PROTOCOL_ERROR, "bad step line");
    }
    s->present = 1;
    s->data_kb = number(f[0], "data limit");
    s->nproc = number(f[1], "process limit");
    s->cpu_s = number(f[2], "CPU limit");
    s->fsize = number(f[3], "file size limit");
    s->keep = compile ? (int) number(f[4], "keep flag") : 0;
    unsigned long long argc = number(f[compile ? 5 : 4], "argument count");
    if (argc < 1 || argc > MAX_ARGS) {
        fail(PROTOCOL_ERROR, "bad argument count");
    }
    size_t budget = MAX_ARG_BYTES;
    s->argc = (int) argc;
    for (int i = 0; i < s->argc; i++) {
        s->argv[i] = in_cstring(&budget);
    }
    s->argv[s->argc] = NULL;
}

static int valid_name(const char *name) {
    return *name != 0 && strchr(name, '/') == NULL && strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static int code(void) {
    char line[512];
    struct step compile = {0}, program = {0};
    int artefacts = 0, use_preload = 0;

    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    if (!in_line(line, sizeof line)) {
        preload_drop();
        return 0; /* the pool closed: nothing to run */
    }
    if (strcmp(line, "errand-stub 1") != 0) {
        fail(PROTOCOL_ERROR, "unknown request version: '%s'", line);
    }
    if (chdir("/work") != 0) {
        fail(PROTOCOL_ERROR, "no /work: %s", strerror(errno));
    }
    receive("/tmp/.i", 0);
    while (in_line(line, sizeof line)) {
        if (strcmp(line, "P") == 0) {
            use_preload = 1;
            continue;
        }
        if (line[0] == 0 || line[1] != ' ') {
            fail(PROTOCOL_ERROR, "bad request line: '%s'", line);
        }
        char *rest = line + 2;
        switch (line[0]) {
        case 'O':
            cap = number(rest, "output cap");
            break;
        case 'F': {
            char *space = strchr(rest, ' ');
            if (space == NULL || !valid_name(space + 1)) {
                fail(PROTOCOL_ERROR, "bad file line: '%s'", line);
            }
            *space = 0;
            receive(space + 1, number(rest, "file size"));
            break;
        }
        case 'I':
            receive("/tmp/.i", number(rest, "stdin size"));
            break;
        case 'A':
            receive("/tmp/.a", number(rest, "artefact size"));
            artefacts = 1;
            break;
        case 'C':
            read_step(&compile, line, 1);
            break;
        case 'R':
            read_step(&program, line, 0);
            break;
        default:
            fail(PROTOCOL_ERROR, "bad request line: '%s'", line);
        }
    }
    if (!program.present) {
        fail(PROTOCOL_ERROR, "the request names no program");
    }

    struct sigaction sa = {0};
    sa.sa_handler = on_term;
    sigaction(SIGTERM, &sa, NULL);

    struct rusage ru;
    if (!use_preload || compile.present || artefacts) {
        preload_drop();
    }
    if (artefacts) {
        char *untar[] = {"tar", "-xf", "/tmp/.a", NULL};
        if (helper(untar, "/dev/null") != 0) {
            fail(PROTOCOL_ERROR, "cannot unpack the cached artefacts");
        }
        report("K = 0 0\n");
    } else if (compile.present) {
        report("C\n");
        int c = run(&compile, "/dev/null", "/tmp/.c", NULL, &ru);
        unsigned long long artefact_bytes = 0;
        if (compile.keep && c == 0) {
            char *pack[] = {"tar", "-cf", "/tmp/.a", ".", NULL};
            artefact_bytes = helper(pack, "/dev/null") == 0 ? size_of("/tmp/.a") : 0;
        }
        unsigned long long out_bytes = size_of("/tmp/.c");
        report("K %d %llu %llu\n", c, out_bytes, artefact_bytes);
        send("/tmp/.c", min_cap(out_bytes));
        send("/tmp/.a", artefact_bytes);
        if (c != 0) {
            return 0;
        }
    }
    report("R\n");
    if (preloaded > 0) {
        stepping = 1; /* SIGTERM now kills a launcher that never gets ready, and the step with it */
        preload_wait_ready();
        stepping = 0;
    }
    int r;
    if (terminated) {
        memset(&ru, 0, sizeof ru);
        r = 128 + SIGKILL;
    } else if (preload_alive()) {
        r = run_preloaded(&program, "/tmp/.i", "/tmp/.o", "/tmp/.e", &ru);
    } else {
        r = run(&program, "/tmp/.i", "/tmp/.o", "/tmp/.e", &ru);
    }
    report("E\n");
    unsigned long long out_bytes = size_of("/tmp/.o"), err_bytes = size_of("/tmp/.e");
    report("X %d %ld.%03ld %ld.%03ld %ld %llu %llu\n", r, (long) ru.ru_utime.tv_sec,
           (long) ru.ru_utime.tv_usec / 1000, (long) ru.ru_stime.tv_sec, (long) ru.ru_stime.tv_usec / 1000,
           ru.ru_maxrss, out_bytes, err_bytes);
    send("/tmp/.o", min_cap(out_bytes));
    send("/tmp/.e", min_cap(err_bytes));
    return 0;
}

/* ---- launch ---- */

static void drop_to(uid_t uid, gid_t gid) {
    if (uid == 0 || gid == 0) {
        fail(125, "refusing to drop to uid or gid 0");
    }
    if (setgroups(0, NULL) != 0) {
        fail(125, "setgroups: %s", strerror(errno));
    }
    for (int cap_no = 0;; cap_no++) {
        if (prctl(PR_CAPBSET_DROP, cap_no, 0, 0, 0) != 0) {
            if (errno == EINVAL) {
                break;
            }
            fail(125, "dropping capability %d from the bounding set: %s", cap_no, strerror(errno));
        }
    }
    if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) != 0 && errno != EINVAL) {
        fail(125, "clearing ambient capabilities: %s", strerror(errno));
    }
    if (setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0) {
        fail(125, "switching to %u:%u: %s", (unsigned) uid, (unsigned) gid, strerror(errno));
    }
    struct __user_cap_header_struct header = {_LINUX_CAPABILITY_VERSION_3, 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    if (syscall(SYS_capset, &header, data) != 0) {
        fail(125, "clearing capabilities: %s", strerror(errno));
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
        fail(125, "setting no_new_privs: %s", strerror(errno));
    }
    uid_t r, e, s;
    if (getresuid(&r, &e, &s) != 0 || r != uid || e != uid || s != uid || setuid(0) == 0 || setgid(0) == 0) {
        fail(125, "the privileges were not dropped");
    }
}

static void set_rlimit(const char *spec) {
    static const struct {
        const char *name;
        int resource;
    } names[] = {{"core", RLIMIT_CORE}, {"as", RLIMIT_AS}, {"data", RLIMIT_DATA},
                 {"nproc", RLIMIT_NPROC}, {"cpu", RLIMIT_CPU}, {"fsize", RLIMIT_FSIZE}};
    char buf[128];
    if (strlen(spec) >= sizeof buf) {
        fail(125, "bad --rlimit '%s'", spec);
    }
    strcpy(buf, spec);
    char *eq = strchr(buf, '=');
    if (eq == NULL) {
        fail(125, "bad --rlimit '%s': NAME=SOFT[:HARD]", spec);
    }
    *eq = 0;
    char *colon = strchr(eq + 1, ':');
    if (colon != NULL) {
        *colon = 0;
    }
    struct rlimit r;
    r.rlim_cur = (rlim_t) number(eq + 1, "soft limit");
    r.rlim_max = colon == NULL ? r.rlim_cur : (rlim_t) number(colon + 1, "hard limit");
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcmp(buf, names[i].name) == 0) {
            if (setrlimit(names[i].resource, &r) != 0) {
                fail(125, "setrlimit %s: %s", buf, strerror(errno));
            }
            return;
        }
    }
    fail(125, "unknown rlimit '%s'", buf);
}

static int launch(int argc, char **argv) {
    int i = 2;
    int setsid_wanted = 0, fd3 = 0;
    const char *user = NULL;
    const char *cgroups[8];
    int ncgroups = 0;
    const char *rlimits[8];
    int nrlimits = 0;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--setsid") == 0) {
            setsid_wanted = 1;
        } else if (strcmp(argv[i], "--stdin-to-fd3") == 0) {
            fd3 = 1;
        } else if (strcmp(argv[i], "--cgroup") == 0 && i + 1 < argc && ncgroups < 8) {
            cgroups[ncgroups++] = argv[++i];
        } else if (strcmp(argv[i], "--rlimit") == 0 && i + 1 < argc && nrlimits < 8) {
            rlimits[nrlimits++] = argv[++i];
        } else if (strcmp(argv[i], "--user") == 0 && i + 1 < argc) {
            user = argv[++i];
        } else {
            fail(125, "launch: unknown or repeated option '%s'", argv[i]);
        }
    }
    if (i + 1 >= argc) {
        fail(125, "usage: errand-stub launch [OPTION]... -- PROGRAM [ARG...]");
    }
    if (setsid_wanted && setsid() < 0) {
        fail(125, "setsid: %s", strerror(errno));
    }
    for (int c = 0; c < ncgroups; c++) {
        int fd = open(cgroups[c], O_WRONLY | O_CLOEXEC);
        if (fd < 0 || dprintf(fd, "%d\n", (int) getpid()) < 0) {
            fail(125, "cannot enter %s: %s", cgroups[c], strerror(errno));
        }
        close(fd);
    }
    if (fd3) {
        // fd 3 first: /dev/null would otherwise be opened as fd 3 itself
        if (dup2(0, 3) < 0) {
            fail(125, "moving stdin to fd 3: %s", strerror(errno));
        }
        int null = open("/dev/null", O_RDONLY);
        if (null < 0 || dup2(null, 0) < 0) {
            fail(125, "opening /dev/null as stdin: %s", strerror(errno));
        }
        if (null != 0) {
            close(null);
        }
    }
    for (int r = 0; r < nrlimits; r++) {
        set_rlimit(rlimits[r]);
    }
    if (user != NULL) {
        char *colon = strchr(user, ':');
        if (colon == NULL) {
            fail(125, "--user wants UID:GID, got '%s'", user);
        }
        *colon = 0;
        drop_to((uid_t) number(user, "uid"), (gid_t) number(colon + 1, "gid"));
    }
    execvp(argv[i + 1], argv + i + 1);
    int e = errno;
    fail(e == ENOENT ? 127 : 126, "cannot start %s: %s", argv[i + 1], strerror(e));
    return 126;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "launch") == 0) {
        return launch(argc, argv);
    }
    if (argc > 3 && strcmp(argv[1], "preload") == 0 && strcmp(argv[2], "--") == 0) {
        preload_start(argv + 3);
    } else if (argc > 1) {
        fail(125, "usage: errand-stub [launch [OPTION]... -- PROGRAM [ARG...]] | errand-stub [preload -- PROGRAM [ARG...]]");
    }
    return code();
}
