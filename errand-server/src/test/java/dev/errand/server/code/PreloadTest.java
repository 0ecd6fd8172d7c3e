package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The preloaded launchers ({@code code/preload/python.py} and {@code node.js}) run a program
 * exactly as its run command does: each program runs in real sandboxes both ways, through the
 * launcher and cold, and exit status, stdout and stderr must be byte for byte the same, but for
 * Node's stack frames below {@code Module.runMain}, which are the launcher's. The launcher's CPU
 * before the request is left out of the report.
 */
class PreloadTest {
    static final LanguageCatalogue CATALOGUE = LanguageCatalogue.load();
    static final int MEMORY_MB = CodeLimits.defaults().defaultMemoryMb();
    static StandbyLauncher launcher;

    @BeforeAll
    static void start() {
        launcher = new StandbyLauncher();
    }

    @AfterAll
    static void stop() {
        launcher.close();
    }

    static Stream<Arguments> programs() {
        return Stream.of(
                python("hello", "print('hi')"),
                python("names", """
                        import sys, os
                        print(__name__, __file__, sys.argv, sys.path[0], os.getcwd(), __doc__, __package__, __spec__, __cached__)
                        print(sorted(globals()))"""),
                python("stdin", "import sys\nprint(sys.stdin.read().upper())"),
                python("input", "print(input('name? '))"),
                python("traceback", "def f():\n    raise ValueError('boom')\nf()"),
                python("syntax error", "print(\n"),
                python("exit 3", "import sys; sys.exit(3)"),
                python("exit with a message", "import sys; sys.exit('bad thing')"),
                python("os._exit", "import os; print('x', flush=True); os._exit(7)"),
                python("KeyboardInterrupt", "raise KeyboardInterrupt"),
                python("missing module", "import nosuchmodule"),
                python("both outputs", "import sys; print('e', file=sys.stderr); print('o')"),
                python("atexit", "import atexit; atexit.register(lambda: print('bye'))\nprint('hi')"),
                python("thread outlives main", """
                        import threading, time
                        threading.Thread(target=lambda: (time.sleep(0.1), print('late'))).start()
                        print('main done')"""),
                python("__main__ module", "import __main__, sys\nprint(__main__ is sys.modules['__main__'], hasattr(__main__, '_errand_launch'))"),
                python("pickle of a __main__ class", "import pickle\nclass A: pass\nprint(type(pickle.loads(pickle.dumps(A()))).__module__)"),
                python("chained exceptions", "try:\n    1/0\nexcept Exception as e:\n    raise RuntimeError('x') from e"),
                python("warning", "import warnings; warnings.warn('careful')"),
                python("no fd 3 or 4", "import os\nfor fd in (3, 4):\n    try:\n        os.fstat(fd); print(fd, 'open')\n    except OSError:\n        print(fd, 'closed')"),
                node("hello", "console.log('hi')"),
                node("names", "console.log(process.argv.slice(1), process.execArgv, __filename, __dirname,"
                        + " require.main === module, module.id, process.mainModule === module, module.parent, process.cwd())"),
                node("globals", "console.log(Object.keys(globalThis).sort().join(','), typeof require, typeof globalThis.require)"),
                node("stdin", "console.log(require('fs').readFileSync(0, 'utf8').toUpperCase())"),
                node("stdin stream", "process.stdin.on('data', d => process.stdout.write(String(d).toUpperCase()))"),
                node("uncaught error", "function f() { throw new Error('boom') }\nf()"),
                node("syntax error", "console.log("),
                node("import syntax in a CommonJS file", "import fs from 'fs'\nconsole.log(1)"),
                node("exitCode", "process.exitCode = 3"),
                node("process.exit", "console.log('x'); process.exit(4)"),
                node("unhandled rejection", "Promise.reject(new Error('nope'))"),
                node("both outputs", "console.error('e'); console.log('o')"),
                node("timers and immediates", "setTimeout(() => console.log('timeout'), 20); setImmediate(() => console.log('immediate'));"
                        + " process.nextTick(() => console.log('tick')); console.log('now')"),
                node("missing module", "require('nosuchmod')"),
                node("dynamic import", "import('fs').then(m => console.log(typeof m.readFileSync))"),
                node("heap limit", "console.log(Math.round(require('v8').getHeapStatistics().heap_size_limit / 1048576) > 0)"));
    }

    static Arguments python(String name, String code) {
        return Arguments.of("python", name, code);
    }

    static Arguments node(String name, String code) {
        return Arguments.of("javascript", name, code);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("programs")
    void aProgramRunsTheSameThroughTheLauncherAsCold(String language, String name, String code) throws Exception {
        Language l = CATALOGUE.find(language).orElseThrow();

        Report warm = run(l, code);
        Report cold = run(withoutPreload(l), code);

        assertThat(warm.exit()).isEqualTo(cold.exit());
        assertThat(userFrames(warm.stdout())).isEqualTo(userFrames(cold.stdout()));
        assertThat(userFrames(warm.stderr())).isEqualTo(userFrames(cold.stderr()));
        assertThat(warm.cpuSeconds()).as("the runtime's start is not counted").isLessThan(cold.cpuSeconds());
    }

    /** Drops Node's stack frames below {@code Module.runMain}: a cold start's internals, or the launcher. */
    static String userFrames(String text) {
        return text.replaceAll("(executeUserEntryPoint \\[as runMain\\] \\([^)]*\\))(\\n    at [^\\n]*)*", "$1");
    }

    static Language withoutPreload(Language l) {
        return new Language(l.id(), l.name(), l.aliases(), l.version(), l.packages(), l.file(), l.compile(), l.run(),
                l.versionCommand(), l.paths(), l.env(), l.memoryOverheadMb(), l.cache(), l.compileTimeoutMs(), List.of());
    }

    record Report(int exit, double cpuSeconds, String stdout, String stderr) {}

    static Report run(Language l, String code) throws Exception {
        Job job = new Job("ex_1", StubRequestTest.ME, "req", l, "1",
                List.of(new SourceFile(l.file(), code.getBytes(StandardCharsets.UTF_8))),
                "abc\n".getBytes(StandardCharsets.UTF_8), List.of("x", "y z"), 5000, MEMORY_MB, false, Instant.EPOCH);
        StandbySandbox sandbox = launcher.start(Specs.of(l, new Root(Root.HOST, Optional.empty()), false, 16 << 20,
                MEMORY_MB));
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
