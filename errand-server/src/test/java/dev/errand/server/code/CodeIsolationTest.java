package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile programs end with the right status and leave the server healthy: after each one the
 * health check passes, a hello world runs at once, and no process of the run is left behind.
 */
class CodeIsolationTest {
    @TempDir
    static Path dir;
    static CodeServer server;

    @BeforeAll
    static void start() throws Exception {
        server = CodeServer.start(dir);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void theServerStaysHealthyAndNothingIsLeftRunning() throws Exception {
        assertThat(server.send("GET", "/api/v1/health", null, null).statusCode()).isEqualTo(200);
        long t0 = System.nanoTime();
        ExecuteResult hello = python("print('still here')", null);
        assertThat(hello.stdout()).isEqualTo("still here\n");
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
        assertThat(leftovers()).as("processes of finished runs").isZero();
    }

    /**
     * Processes of this JVM's sandboxes other than waiting pool members (bwrap, its init,
     * errand-stub, and a preloaded launcher still holding its request pipe, fd 3, open).
     */
    static long leftovers() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> !c.endsWith("bwrap") && !c.endsWith("sh") && !c.endsWith("dash")
                        && !c.endsWith("setpriv") && !c.endsWith("stub")).orElse(false))
                .filter(p -> !waitingLauncher(p))
                .count();
    }

    private static boolean waitingLauncher(ProcessHandle p) {
        boolean preloadingStub = p.parent().map(q -> q.info().command().map(c -> c.endsWith("stub")).orElse(false)
                && q.info().arguments().map(a -> a.length > 0 && a[0].equals("preload")).orElse(false)).orElse(false);
        return preloadingStub && java.nio.file.Files.exists(java.nio.file.Path.of("/proc", Long.toString(p.pid()), "fd", "3"));
    }

    static ExecuteResult python(String code, Integer timeoutMs) throws Exception {
        return server.execute(new ExecuteRequest("python", null, code, null, null, null, timeoutMs, null, null));
    }

    @Test
    void aForkBombIsHeldToTheProcessLimitAndEndsAsATimeout() throws Exception {
        ExecuteResult r = python("""
                import os
                while True:
                    try:
                        os.fork()
                    except OSError:
                        pass
                """, 2000);

        assertThat(r.status()).as(r.toString()).isEqualTo(CodeStatus.TIMEOUT);
        assertThat(r.timeMs()).isBetween(2000L, 6000L);
    }

    @Test
    void aMemoryBombEndsAsMemoryLimit() throws Exception {
        ExecuteResult r = server.execute(new ExecuteRequest("python", null, """
                blocks = []
                while True:
                    blocks.append(bytearray(10_000_000))
                """, null, null, null, null, 64, null));

        assertThat(r.status()).as(r.toString()).isEqualTo(CodeStatus.MEMORY_LIMIT);
        assertThat(r.stderr()).contains("MemoryError");
    }

    @Test
    void aMemoryBombInCThatTouchesEveryPageEndsAsMemoryLimit() throws Exception {
        ExecuteResult r = server.execute(new ExecuteRequest("c", null, """
                #include <stdlib.h>
                #include <string.h>
                int main(void) {
                    for (;;) {
                        char *p = malloc(1 << 20);
                        if (!p) return 1;
                        memset(p, 1, 1 << 20);
                    }
                }
                """, null, null, null, null, 64, null));

        assertThat(r.status()).as(r.toString()).isEqualTo(CodeStatus.MEMORY_LIMIT);
        assertThat(r.memoryKb()).isGreaterThan(50_000L);
    }

    @Test
    void anInfiniteLoopEndsAsATimeoutNearItsLimit() throws Exception {
        ExecuteResult r = python("while True:\n    pass\n", 1000);

        assertThat(r.status()).isEqualTo(CodeStatus.TIMEOUT);
        assertThat(r.timeMs()).isBetween(1000L, 3000L);
        assertThat(r.signal()).isEqualTo("SIGKILL");
    }

    @Test
    void outputWrittenBeforeATimeoutIsKept() throws Exception {
        ExecuteResult r = python("print('before', flush=True)\nwhile True:\n    pass\n", 1000);

        assertThat(r.status()).isEqualTo(CodeStatus.TIMEOUT);
        assertThat(r.stdout()).isEqualTo("before\n");
    }

    @Test
    void printingAGigabyteEndsAsOutputLimitWithTheFirstMebibyteKept() throws Exception {
        long t0 = System.nanoTime();
        ExecuteResult r = python("""
                import sys
                line = 'x' * 1023 + '\\n'
                for _ in range(1 << 20):
                    sys.stdout.write(line)
                """, 30_000);

        assertThat(r.status()).as(r.message()).isEqualTo(CodeStatus.OUTPUT_LIMIT);
        assertThat(r.truncated()).isTrue();
        assertThat(r.stdout()).hasSize(1 << 20);
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void theHostsFilesTheServersDataAndOtherUsersAreOutOfReach() throws Exception {
        String db = dir.resolve("errand.db").toString();
        ExecuteResult r = python("""
                import os
                for p in ['/etc/shadow', '/root', '/home', '/var/lib', '%s', '/proc/1/root/etc/shadow']:
                    try:
                        if os.path.isdir(p):
                            print(p, 'lists', os.listdir(p))
                        else:
                            print(p, 'reads', len(open(p, 'rb').read()))
                    except OSError as e:
                        print(p, 'refused', type(e).__name__)
                print('uid', os.getuid())
                """.formatted(db), null);

        assertThat(r.status()).as(r.toString()).isEqualTo(CodeStatus.OK);
        assertThat(r.stdout()).doesNotContain("reads", "lists");
        assertThat(r.stdout()).contains("/etc/shadow refused", db + " refused");
        if ("root".equals(System.getProperty("user.name"))) {
            assertThat(r.stdout()).contains("uid 65534");
        }
    }

    @Test
    void thereIsNoNetworkUnlessAsked() throws Exception {
        ExecuteResult r = python("""
                import socket
                print(open('/proc/net/dev').read().count(':'))
                try:
                    socket.create_connection(('1.1.1.1', 53), timeout=2)
                    print('connected')
                except OSError as e:
                    print('refused', e.errno)
                """, null);

        assertThat(r.stdout()).startsWith("1\n").contains("refused").doesNotContain("connected");
    }

    @Test
    void theRootIsReadOnlyAndWorkIsWritable() throws Exception {
        ExecuteResult r = python("""
                import os
                for d in ['/', '/usr', '/etc', '/work', '/tmp']:
                    try:
                        open(os.path.join(d, 'probe'), 'w').close()
                        print(d, 'writable')
                    except OSError:
                        print(d, 'read-only')
                """, null);

        assertThat(r.stdout().lines().toList()).containsExactly("/ read-only", "/usr read-only", "/etc read-only",
                "/work writable", "/tmp writable");
    }

    @Test
    void eachRunGetsAFreshSandboxThatKeepsNothingOfTheLastOne() throws Exception {
        String probe = """
                import os
                print(sorted(os.listdir('/work')), os.path.exists('/tmp/left-behind'))
                open('/work/left-behind', 'w').write('x')
                open('/tmp/left-behind', 'w').write('x')
                """;
        List<String> seen = List.of(python(probe, null).stdout(), python(probe, null).stdout(), python(probe, null).stdout());

        assertThat(seen).containsOnly("['main.py'] False\n");
    }

    @Test
    void aFileOverTheSizeLimitFails() throws Exception {
        ExecuteResult python = python("open('/tmp/big', 'wb').write(b'x' * (17 << 20))", null);
        ExecuteResult shell = server.execute(ExecuteRequest.of("bash", "head -c 17M /dev/zero > /tmp/big"));

        assertThat(python.status()).isEqualTo(CodeStatus.RUNTIME_ERROR);
        assertThat(python.stderr()).contains("File too large");
        assertThat(shell.status()).isEqualTo(CodeStatus.RUNTIME_ERROR);
        assertThat(shell.signal()).isEqualTo("SIGXFSZ");
        assertThat(shell.message()).contains("over the 16777216 byte limit");
    }
}
