package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** errand-stub inside real sandboxes: the request it reads and the report it writes (errand-stub.c). */
class ErrandStubTest {
    @RegisterExtension
    final StandbyFixture standby = new StandbyFixture();

    /** A request in the stub's format. */
    static final class Request {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Request(int cap) {
            line(ErrandStub.PROTOCOL + "\nO " + cap);
        }

        Request file(String name, String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            line("F " + b.length + " " + name);
            out.writeBytes(b);
            return this;
        }

        Request stdin(String content) {
            byte[] b = content.getBytes(StandardCharsets.UTF_8);
            line("I " + b.length);
            out.writeBytes(b);
            return this;
        }

        Request step(String head, String... argv) {
            line(head + " " + argv.length);
            for (String a : argv) {
                out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
                out.write(0);
            }
            return this;
        }

        Request run(String... argv) {
            return step("R 262144 64 5 16777216", argv);
        }

        private void line(String s) {
            out.writeBytes((s + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    StandbySandbox start() throws IOException {
        return standby.launcher().start(new StandbySpec(Optional.empty(), List.of(ErrandStub.IN_SANDBOX),
                Map.of("PATH", "/usr/bin:/bin"), false, "errand-test", 16 << 20, Map.of()));
    }

    static String report(StandbySandbox sandbox, Request r) throws Exception {
        try (OutputStream in = sandbox.stdin()) {
            in.write(r.out.toByteArray());
        }
        String out = new String(sandbox.stdout().readAllBytes(), StandardCharsets.ISO_8859_1);
        sandbox.waitFor();
        return out;
    }

    @Test
    void runsTheProgramOnItsFilesAndStdinAndReportsExitUsageAndBothOutputs() throws Exception {
        String r = report(start(), new Request(1000).file("main.sh", "read x; echo \"got $x\"; echo oops >&2; exit 3\n")
                .stdin("hello\n").run("/bin/sh", "main.sh"));

        assertThat(r).startsWith("R\nE\nX 3 ").endsWith(" 10 5\ngot hello\noops\n")
                .matches("(?s)R\nE\nX 3 \\d+\\.\\d{3} \\d+\\.\\d{3} [1-9]\\d* 10 5\n.*");
    }

    @Test
    void outputPastTheCapIsCountedButNotSent() throws Exception {
        String r = report(start(), new Request(4).run("/bin/sh", "-c", "echo 123456789"));

        assertThat(r).matches("(?s)R\nE\nX 0 \\S+ \\S+ \\S+ 10 0\n1234");
    }

    @Test
    void aMissingProgramExits127WithTheReasonOnItsStderr() throws Exception {
        String r = report(start(), new Request(1000).run("no-such-program"));

        assertThat(r).matches("(?s)R\nE\nX 127 .* 0 27\nno-such-program: not found\n");
    }

    @Test
    void theProgramRunsUnderTheStepsRlimits() throws Exception {
        String r = report(start(), new Request(1000).step("R 1024 5 7 4096", "/bin/sh", "-c",
                "ulimit -d; ulimit -p 2>/dev/null || ulimit -u; ulimit -t; ulimit -f; ulimit -c"));

        assertThat(r).endsWith("\n1024\n5\n7\n8\n0\n");
    }

    @Test
    void sigtermDuringAStepKillsEveryProcessOfTheSandboxAndTheReportStillComes() throws Exception {
        StandbySandbox sandbox = start();
        try (OutputStream in = sandbox.stdin()) {
            in.write(new Request(1000).run("/bin/sh", "-c", "echo started; sleep 60 & sleep 60").out.toByteArray());
        }
        byte[] head = sandbox.stdout().readNBytes(2);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("R\n");
        Thread.sleep(200);
        long t0 = System.nanoTime();

        assertThat(sandbox.terminateFirst()).isTrue();

        String rest = new String(sandbox.stdout().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(rest).matches("(?s)E\nX 137 .*\nstarted\n");
        assertThat(sandbox.waitFor()).isZero();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
    }

    @Test
    void aCompilerRunsFirstAndItsWorkComesBackAsATar() throws Exception {
        String r = report(start(), new Request(1000).file("src", "x\n")
                .step("C 262144 64 0 16777216 1", "/bin/sh", "-c", "echo compiling; cp src built")
                .run("/bin/cat", "built"));

        assertThat(r).startsWith("C\nK 0 10 ").contains("compiling\n", "built", "R\nE\nX 0 ").endsWith(" 2 0\nx\n");
    }

    @Test
    void aFailedCompileEndsTheReportAfterItsOutput() throws Exception {
        String r = report(start(), new Request(1000).step("C 262144 64 0 16777216 0", "/bin/sh", "-c", "echo bad; exit 2")
                .run("/bin/true"));

        assertThat(r).isEqualTo("C\nK 2 4 0\nbad\n");
    }

    @Test
    void aRequestOfAnotherVersionIsRefusedWithNothingReported() throws Exception {
        StandbySandbox sandbox = start();
        try (OutputStream in = sandbox.stdin()) {
            in.write("errand-stub 9\n".getBytes(StandardCharsets.US_ASCII));
        }

        assertThat(sandbox.stdout().readAllBytes()).isEmpty();
        assertThat(new String(sandbox.stderr().readAllBytes(), StandardCharsets.UTF_8)).contains("unknown request version");
        assertThat(sandbox.waitFor()).isEqualTo(97);
    }

    @Test
    void launchSetsTheRlimitsAndExecsTheProgram(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (StubCopy stub = StubCopy.install(dir)) {
            Process p = new ProcessBuilder(stub.path().toString(), "launch", "--rlimit", "cpu=7:9", "--rlimit", "core=0",
                    "--", "/bin/sh", "-c", "ulimit -S -t; ulimit -H -t; ulimit -c").start();

            assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("7\n9\n0\n");
            assertThat(p.waitFor()).isZero();
        }
    }

    @Test
    void launchRefusesBadOptionsWithExitCode125AndAMissingProgramWith127(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        try (StubCopy stub = StubCopy.install(dir)) {
            for (List<String> args : List.of(List.of("--rlimit", "stack=1", "--", "true"), List.of("--user", "0:0", "--", "true"),
                    List.of("--bogus", "--", "true"), List.of("--setsid"))) {
                List<String> cmd = new java.util.ArrayList<>(List.of(stub.path().toString(), "launch"));
                cmd.addAll(args);
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(p.waitFor()).as(args + ": " + out).isEqualTo(125);
                assertThat(out).as(args.toString()).startsWith("errand-stub: ");
            }
            Process missing = new ProcessBuilder(stub.path().toString(), "launch", "--", "/no/such/program").start();
            assertThat(missing.waitFor()).isEqualTo(127);
        }
    }

    @Test
    void anEmptyRequestEndsQuietly() throws Exception {
        StandbySandbox sandbox = start();
        sandbox.stdin().close();

        assertThat(sandbox.stdout().readAllBytes()).isEmpty();
        assertThat(sandbox.waitFor()).isZero();
    }
}
