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
 *       once, as the sandbox waits, with the program step's files as fds 0, 1 and 2 (/tmp/.i, empty
 *       until the request's stdin is written into it in place; /tmp/.o and /tmp/.e), the read end
 *       of a request pipe as fd 3 and the write end of a ready pipe as fd 4.
 *       It initialises its runtime, closes fd 4 and blocks reading fd 3. When the request's
 *       program step comes (with a P line and no compile step), the stub waits for fd 4 to close,
 *       applies the step's rlimits to it with prlimit(2) (its CPU limit raised by the whole
 *       seconds of CPU it used starting), writes the step's arguments after the program name, each
 *       NUL-terminated, to the pipe and closes it. The launcher runs the first that is not an
 *       option as its main file, with the rest as its arguments. The reported CPU time leaves out
 *       what the launcher used before the request. A launcher that died before the request, or a
 *       request without P or with a compile step, runs the step the usual way. Every run still
 *       gets a fresh sandbox and a fresh process: nothing is shared between runs.
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
 *
 * Sources: this file (main and what every part uses), request.c (the request, its files, the
 * report), code.c (the code mode's steps), preload.c (the launcher started ahead), launch.c (the
 * launch mode); errand-stub.h declares what they share. `build` compiles them all.
 */
#include "errand-stub.h"

void fail(int code, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("errand-stub: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    _exit(code);
}

unsigned long long number(const char *s, const char *what) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno != 0 || end == s || *end != 0 || *s == '-') {
        fail(PROTOCOL_ERROR, "bad %s: '%s'", what, s);
    }
    return v;
}

void write_all(int fd, const char *p, size_t n) {
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

int open_or_fail(const char *path, int flags) {
    int fd = open(path, flags | O_CLOEXEC, 0644);
    if (fd < 0) {
        fail(PROTOCOL_ERROR, "cannot open %s: %s", path, strerror(errno));
    }
    return fd;
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
