/* errand-stub's preload mode: an interpreter's launcher started ahead of the request (see errand-stub.c). */
#include "errand-stub.h"

#include <sys/wait.h>
#include <time.h>

static pid_t preloaded = -1;
static int preload_fd = -1, ready_fd = -1;

/* Starts the launcher argv: fds 0 to 2 the program step's files, fd 3 the read end of the request
 * pipe (kept in preload_fd), fd 4 the write end of the ready pipe, which it closes when its runtime
 * is up (read from ready_fd). */
void preload_start(char **argv) {
    int p[2], r[2];
    if (pipe2(p, O_CLOEXEC) != 0 || pipe2(r, O_CLOEXEC) != 0) {
        fail(PROTOCOL_ERROR, "cannot make the preload pipes: %s", strerror(errno));
    }
    /* the step's files, empty for now, opened before the fork so that the request cannot race
     * them: the stub later writes the request's stdin into /tmp/.i in place (same inode) */
    close(open_or_fail("/tmp/.i", O_WRONLY | O_CREAT | O_TRUNC));
    int in = open_or_fail("/tmp/.i", O_RDONLY), out = open_or_fail("/tmp/.o", O_WRONLY | O_CREAT | O_TRUNC),
        err = open_or_fail("/tmp/.e", O_WRONLY | O_CREAT | O_TRUNC);
    pid_t pid = fork();
    if (pid < 0) {
        fail(PROTOCOL_ERROR, "cannot fork the preloaded program: %s", strerror(errno));
    }
    if (pid == 0) {
        /* out of the way first (0 to 4 may be any of them), then into place without close-on-exec */
        int moved[5] = {fcntl(in, F_DUPFD_CLOEXEC, 10), fcntl(out, F_DUPFD_CLOEXEC, 10),
                        fcntl(err, F_DUPFD_CLOEXEC, 10), fcntl(p[0], F_DUPFD_CLOEXEC, 10),
                        fcntl(r[1], F_DUPFD_CLOEXEC, 10)};
        for (int fd = 0; fd < 5; fd++) {
            if (moved[fd] < 0 || dup2(moved[fd], fd) < 0) {
                _exit(PROTOCOL_ERROR);
            }
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    close(p[0]);
    close(r[1]);
    close(in);
    close(out);
    close(err);
    preloaded = pid;
    preload_fd = p[1];
    ready_fd = r[0];
}

/* Waits until the launcher closed its end of the ready pipe (or died). */
void preload_wait_ready(void) {
    char buf[64];
    ssize_t n;
    while ((n = read(ready_fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR)) {
    }
    close(ready_fd);
    ready_fd = -1;
}

/* Forgets the launcher: closes both pipes' ends. */
static void preload_forget(void) {
    close(preload_fd);
    close(ready_fd);
    preloaded = -1;
    preload_fd = -1;
    ready_fd = -1;
}

/* Drops the launcher (it died, or the request cannot use it). */
void preload_drop(void) {
    if (preloaded > 0) {
        kill(preloaded, SIGKILL);
        while (waitpid(preloaded, NULL, 0) < 0 && errno == EINTR) {
        }
        preload_forget();
    }
}

/* Returns 1 when a launcher was started and not yet used or dropped. */
int preload_pending(void) {
    return preloaded > 0;
}

/* Returns 1 when the launcher is still waiting for its work. */
int preload_alive(void) {
    if (preloaded <= 0) {
        return 0;
    }
    int status;
    pid_t r = waitpid(preloaded, &status, WNOHANG);
    if (r == 0) {
        return 1;
    }
    preload_forget();
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

/* Runs the program step in the preloaded launcher (see errand-stub.c). */
int run_preloaded(const struct step *s, struct rusage *ru) {
    pid_t pid = preloaded;
    long long startup_us = cpu_used_us(pid);
    /* whole seconds of CPU: the program gets CPU_S less the start-up's fraction of a second */
    if (apply_limits(pid, s, (unsigned long long) (startup_us / 1000000)) != 0) {
        fail(PROTOCOL_ERROR, "cannot limit the preloaded program: %s", strerror(errno));
    }
    stepping = 1;
    signal(SIGPIPE, SIG_IGN);
    for (int i = 1; i < s->argc; i++) {
        if (write(preload_fd, s->argv[i], strlen(s->argv[i]) + 1) < 0) {
            break; /* it died: wait4 below reports how */
        }
    }
    close(preload_fd);
    preload_fd = -1;
    preloaded = -1;
    int r = reap(pid, ru);
    subtract_cpu(ru, startup_us);
    return r;
}
