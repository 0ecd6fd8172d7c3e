package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Python's preloaded launcher ({@code code/preload/python.py}) runs a program exactly as
 * {@code python3 main.py ARGS} does: each program runs in real sandboxes both ways, through the
 * launcher and cold, and exit status, stdout and stderr must be byte for byte the same. The
 * launcher's CPU before the request is left out of the report.
 */
class PythonPreloadTest {
    static final Language PYTHON = LanguageCatalogue.load().find("python").orElseThrow();
    static final Language COLD = new Language(PYTHON.id(), PYTHON.name(), PYTHON.aliases(), PYTHON.version(),
            PYTHON.packages(), PYTHON.file(), PYTHON.compile(), PYTHON.run(), PYTHON.versionCommand(), PYTHON.paths(),
            PYTHON.env(), PYTHON.memoryOverheadMb(), PYTHON.cache(), PYTHON.compileTimeoutMs(), List.of());
    static StandbyLauncher launcher;

    @BeforeAll
    static void start() {
        launcher = new StandbyLauncher();
    }

    @AfterAll
    static void stop() {
        launcher.close();
    }

    static Map<String, String> programs() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("hello", "print('hi')");
        p.put("names", """
                import sys, os
                print(__name__, __file__, sys.argv, sys.path[0], os.getcwd(), __doc__, __package__, __spec__, __cached__)
                print(sorted(globals()))""");
        p.put("stdin", "import sys\nprint(sys.stdin.read().upper())");
        p.put("input", "print(input('name? '))");
        p.put("traceback", "def f():\n    raise ValueError('boom')\nf()");
        p.put("syntax error", "print(\n");
        p.put("exit 3", "import sys; sys.exit(3)");
        p.put("exit with a message", "import sys; sys.exit('bad thing')");
        p.put("os._exit", "import os; print('x', flush=True); os._exit(7)");
        p.put("KeyboardInterrupt", "raise KeyboardInterrupt");
        p.put("missing module", "import nosuchmodule");
        p.put("both outputs", "import sys; print('e', file=sys.stderr); print('o')");
        p.put("atexit", "import atexit; atexit.register(lambda: print('bye'))\nprint('hi')");
        p.put("thread outlives main", """
                import threading, time
                threading.Thread(target=lambda: (time.sleep(0.1), print('late'))).start()
                print('main done')""");
        p.put("__main__ module", "import __main__, sys\nprint(__main__ is sys.modules['__main__'], hasattr(__main__, '_errand_launch'))");
        p.put("pickle of a __main__ class", "import pickle\nclass A: pass\nprint(type(pickle.loads(pickle.dumps(A()))).__module__)");
        p.put("chained exceptions", "try:\n    1/0\nexcept Exception as e:\n    raise RuntimeError('x') from e");
        p.put("warning", "import warnings; warnings.warn('careful')");
        p.put("no fd 3 or 4", "import os\nfor fd in (3, 4):\n    try:\n        os.fstat(fd); print(fd, 'open')\n    except OSError:\n        print(fd, 'closed')");
        return p;
    }

    static List<String> names() {
        return List.copyOf(programs().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void aProgramRunsTheSameThroughTheLauncherAsCold(String name) throws Exception {
        String code = programs().get(name);

        Report warm = run(PYTHON, code);
        Report cold = run(COLD, code);

        assertThat(warm.exit()).isEqualTo(cold.exit());
        assertThat(warm.stdout()).isEqualTo(cold.stdout());
        assertThat(warm.stderr()).isEqualTo(cold.stderr());
        assertThat(warm.cpuSeconds()).as("the interpreter's start is not counted").isLessThan(cold.cpuSeconds());
    }

    record Report(int exit, double cpuSeconds, String stdout, String stderr) {}

    static Report run(Language l, String code) throws Exception {
        Job job = new Job("ex_1", StubRequestTest.ME, "req", l, "1",
                List.of(new SourceFile("main.py", code.getBytes(StandardCharsets.UTF_8))),
                "abc\n".getBytes(StandardCharsets.UTF_8), List.of("x", "y z"), 5000, 128, false, Instant.EPOCH);
        StandbySandbox sandbox = launcher.start(Specs.of(l, new Root(Root.HOST, Optional.empty()), false, 16 << 20));
        Thread.sleep(300); // as in a pool: the launcher is up before the request comes
        try (OutputStream in = sandbox.stdin()) {
            in.write(StubRequest.of(job, CodeLimits.defaults(), null, false));
        }
        String out = new String(sandbox.stdout().readAllBytes(), StandardCharsets.UTF_8);
        sandbox.waitFor();
        // R\nE\nX EXIT USER SYS RSS OUT_BYTES ERR_BYTES\n then both outputs
        String[] lines = out.split("\n", 4);
        assertThat(lines[0] + lines[1]).as(out).isEqualTo("RE");
        String[] x = lines[2].split(" ");
        byte[] rest = lines[3].getBytes(StandardCharsets.UTF_8);
        int outBytes = Integer.parseInt(x[5]);
        return new Report(Integer.parseInt(x[1]), Double.parseDouble(x[2]) + Double.parseDouble(x[3]),
                new String(rest, 0, outBytes, StandardCharsets.UTF_8),
                new String(rest, outBytes, rest.length - outBytes, StandardCharsets.UTF_8));
    }
}
