/* errand-stub's code mode: one run's steps under rlimits, measured with wait4 (see errand-stub.c). */
#include "errand-stub.h"

#include <sys/prctl.h>
#include <sys/wait.h>

volatile sig_atomic_t stepping, terminated;

static void on_term(int sig) {
    (void) sig;
    if (stepping) {
        terminated = 1;
        kill(-1, SIGKILL);
    }
}

/* Sets soft and hard limit of resource on process pid (0: this one); returns 0, or -1 with errno. */
static int limit(pid_t pid, int resource, rlim_t value) {
    struct rlimit r = {value, value};
    return prlimit(pid, resource, &r, NULL);
}

int apply_limits(pid_t pid, const struct step *s, unsigned long long extra_cpu_s) {
    int failed = limit(pid, RLIMIT_CORE, 0);
    if (s->data_kb > 0) {
        failed |= limit(pid, RLIMIT_DATA, (rlim_t) s->data_kb << 10);
    }
    if (s->nproc > 0) {
        failed |= limit(pid, RLIMIT_NPROC, (rlim_t) s->nproc);
    }
    if (s->cpu_s > 0) {
        failed |= limit(pid, RLIMIT_CPU, (rlim_t) (s->cpu_s + extra_cpu_s));
    }
    if (s->fsize > 0) {
        failed |= limit(pid, RLIMIT_FSIZE, (rlim_t) s->fsize);
    }
    return failed;
}

/* Waits for pid; returns its shell-style exit status and fills ru. */
int reap(pid_t pid, struct rusage *ru) {
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
        apply_limits(0, s, 0); /* a limit it cannot raise stays at the lower one inherited */
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

int code(void) {
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
    if (preload_pending()) {
        stepping = 1; /* SIGTERM now kills a launcher that never gets ready, and the step with it */
        preload_wait_ready();
        stepping = 0;
    }
    int r;
    if (terminated) {
        memset(&ru, 0, sizeof ru);
        r = 128 + SIGKILL;
    } else if (preload_alive()) {
        r = run_preloaded(&program, &ru);
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

