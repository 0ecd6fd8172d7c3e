/* errand-stub: the request it reads on stdin, the files it writes, the report it sends (see errand-stub.c). */
#include "errand-stub.h"

#include <sys/stat.h>

unsigned long long cap = 1 << 20;

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
int in_line(char *out, size_t max) {
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

char *in_cstring(size_t *budget) {
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

/* ---- files ---- */

void receive(const char *path, unsigned long long size) {
    int fd = open_or_fail(path, O_WRONLY | O_CREAT | O_TRUNC);
    in_copy(fd, size);
    close(fd);
}

unsigned long long size_of(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 ? (unsigned long long) st.st_size : 0;
}

/* Sends the first n bytes of path to stdout (fewer if it is shorter: padded with NULs, so the
 * report keeps its promised length). */
void send(const char *path, unsigned long long n) {
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

void report(const char *fmt, ...) {
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    write_all(1, line, (size_t) n);
}

unsigned long long min_cap(unsigned long long n) {
    return n < cap ? n : cap;
}

