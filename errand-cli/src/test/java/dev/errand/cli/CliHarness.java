package dev.errand.cli;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs the CLI in-process with captured stdout and stderr, a private config path and chosen variables. */
final class CliHarness {
    /** What one run produced. */
    record Result(int exitCode, String out, String err) {}

    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";
    private boolean tty;
    private Clock clock = Clock.systemUTC();
    private Interrupts interrupts = Interrupts.none();
    private StreamConnector.Factory streams = session -> (id, from) -> {
        throw new AssertionError("this test does not expect a log stream");
    };

    CliHarness(Path tempDir) {
        env.put("ERRAND_CONFIG", tempDir.resolve("config.yaml").toString());
        env.put("HOME", tempDir.toString());
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliHarness server(StubServer server) {
        return env("ERRAND_ENDPOINT", server.endpoint()).env("ERRAND_API_KEY", "erk_test");
    }

    CliHarness stdin(String text) {
        this.stdin = text;
        return this;
    }

    /** Pretends stdout and stderr are terminals (colour and spinner on). */
    CliHarness tty() {
        this.tty = true;
        return this;
    }

    /** Sets the CLI's clock, for output that shows how long a running execution has run. */
    CliHarness clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    CliHarness interrupts(Interrupts interrupts) {
        this.interrupts = interrupts;
        return this;
    }

    CliHarness streams(StreamConnector.Factory streams) {
        this.streams = streams;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment environment = new CliEnvironment(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(stdin)), env, false, tty, tty, clock, interrupts);
        int code = Cli.commandLine(environment, List.of(), streams, args).execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
