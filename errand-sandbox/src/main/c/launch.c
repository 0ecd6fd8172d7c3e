/* errand-stub's launch mode: prepare this process, then exec the program (see errand-stub.c). */
#include "errand-stub.h"

#include <grp.h>
#include <linux/capability.h>
#include <sys/prctl.h>
#include <sys/syscall.h>

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

int launch(int argc, char **argv) {
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

