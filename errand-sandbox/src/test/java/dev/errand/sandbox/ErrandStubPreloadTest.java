package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.ErrandStubTest.Request;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * errand-stub's preload mode inside real sandboxes (errand-stub.c, "preload"): a launcher started
 * ahead runs the program step when the request says P, with the step's files and limits, and the
 * CPU it used starting is left out of the report. The launcher here is bash: it does its
 * start-up work, closes fd 4, reads the NUL-separated message from fd 3 and execs argv[1..] on
 * the stdin, stdout and stderr it was started with, which are the step's files.
 */
class ErrandStubPreloadTest {
    /** Runs the arguments read from fd 3; fds 0 to 2 are the step's files already. */
    private static final String RUN = "a=(); while IFS= read -r -d '' x; do a+=(\"$x\"); done <&3; exec 3<&-;"
            + " exec \"${a[@]}\"";
    @RegisterExtension
    final StandbyFixture standby = new StandbyFixture();

    /** A sandbox whose stub preloads a shell launcher that first runs {@code startup}. */
    StandbySandbox start(String startup) throws IOException {
        String script = startup + "; exec 4>&-; " + RUN;
        List<String> argv = new ArrayList<>(List.of(ErrandStub.IN_SANDBOX, "preload", "--", "/bin/bash", "-c", script));
        return standby.launcher().start(new StandbySpec(Optional.empty(), argv, Map.of("PATH", "/usr/bin:/bin"), false,
                "errand-test", 16 << 20, Map.of()));
    }

    @Test
    void withPTheProgramRunsInTheLauncherWithTheStepsStdinOutputsAndArguments() throws Exception {
        // argv[0] names no program: only the launcher, which skips it, can run this step
        Request r = new Request(1000).stdin("hello\n").run("not-a-program", "/bin/sh", "-c",
                "read x; echo \"got $x $0\"; echo oops >&2; exit 3", "arg0");
        r.out.writeBytes("P\n".getBytes());

        String report = ErrandStubTest.report(start("true"), r);

        assertThat(report).matches("(?s)R\nE\nX 3 \\d+\\.\\d{3} \\d+\\.\\d{3} \\d+ 15 5\ngot hello arg0\noops\n");
    }

    @Test
    void withoutPTheLauncherIsKilledAndTheProgramRunsTheUsualWay() throws Exception {
        String report = ErrandStubTest.report(start("true"), new Request(1000).run("/bin/sh", "-c",
                "ps -eo comm | grep -c '^bash$' || true"));

        assertThat(report).endsWith("\n0\n");
    }

    @Test
    void aLauncherThatDiedBeforeTheRequestLeavesTheStepToTheUsualWay() throws Exception {
        Request r = new Request(1000).run("/bin/sh", "-c", "echo cold");
        r.out.writeBytes("P\n".getBytes());
        StandbySandbox sandbox = start("exit 3");
        Thread.sleep(300);

        assertThat(ErrandStubTest.report(sandbox, r)).matches("(?s)R\nE\nX 0 .* 5 0\ncold\n");
    }

    @Test
    void theStepsLimitsApplyToTheLauncherAndItsStartUpCpuIsLeftOutOfTheReport() throws Exception {
        Request r = new Request(1000).step("R 1024 5 7 4096", "-", "/bin/sh", "-c",
                "ulimit -d; ulimit -p 2>/dev/null || ulimit -u; ulimit -t; ulimit -f; ulimit -c");
        r.out.writeBytes("P\n".getBytes());
        // start-up burns a measurable amount of CPU (about 0.1 to 1 s, by the machine's speed)
        StandbySandbox sandbox = start("i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done");

        String report = ErrandStubTest.report(sandbox, r);

        // the CPU limit is 7 s plus the whole seconds the start-up used
        assertThat(report).matches("(?s).*\n1024\n5\n[789]\n8\n0\n");
        String[] x = report.split("\n")[2].split(" ");
        double cpu = Double.parseDouble(x[2]) + Double.parseDouble(x[3]);
        assertThat(cpu).as("CPU reported for a program that only ran ulimit").isLessThan(0.08);
    }
}
