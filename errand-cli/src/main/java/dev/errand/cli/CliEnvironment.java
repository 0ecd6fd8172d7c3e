package dev.errand.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the CLI touches outside itself: its streams, environment variables, terminal
 * flags, clock and interrupt source. Commands never use {@code System.out}, {@code System.err},
 * {@code System.in} or {@code System.getenv} directly, so tests run them with captured I/O.
 *
 * @param out where data goes (stdout); flushed by the CLI after each command and log batch
 * @param err where progress and messages go (stderr)
 * @param in where prompts and {@code --api-key-stdin} read from
 * @param env the environment variables ({@code ERRAND_*}, {@code NO_COLOR}, {@code HOME}, ...)
 * @param stdinIsTty whether {@code in} is an interactive terminal (enables hidden key input)
 * @param stdoutIsTty whether {@code out} is a terminal (enables colour on stdout)
 * @param stderrIsTty whether {@code err} is a terminal (enables colour and the spinner)
 * @param clock the time source for durations of running executions
 * @param interrupts where Ctrl-C is reported while following an execution
 */
public record CliEnvironment(
        PrintWriter out,
        PrintWriter err,
        BufferedReader in,
        Map<String, String> env,
        boolean stdinIsTty,
        boolean stdoutIsTty,
        boolean stderrIsTty,
        Clock clock,
        Interrupts interrupts) {

    /** Checks that nothing is null and copies the environment map. */
    public CliEnvironment {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(in, "in");
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(interrupts, "interrupts");
    }

    /**
     * An environment for embedding and tests: no terminal, the system clock, no interrupts.
     *
     * @return an environment over the given streams and variables
     */
    public static CliEnvironment of(PrintWriter out, PrintWriter err, BufferedReader in, Map<String, String> env) {
        return new CliEnvironment(out, err, in, env, false, false, false, Clock.systemUTC(), Interrupts.none());
    }

    /** @return the real process environment: UTF-8 standard streams, detected terminals, shutdown hooks */
    public static CliEnvironment system() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        boolean console = System.console() != null;
        return new CliEnvironment(out, err, in, System.getenv(), isTty(0, console), isTty(1, console), isTty(2, console),
                Clock.systemUTC(), Interrupts.shutdownHooks());
    }

    /** @return the variable's value, or null when it is unset or empty */
    public String variable(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /**
     * Reads one secret line: hidden input when stdin is a terminal, else a plain line from {@link #in}.
     *
     * @param prompt the prompt shown on stderr
     * @return the line without its line terminator, or null at end of input
     * @throws IOException when reading fails
     */
    public String readSecret(String prompt) throws IOException {
        Console console = stdinIsTty ? System.console() : null;
        if (console != null) {
            char[] secret = console.readPassword("%s", prompt);
            return secret == null ? null : new String(secret);
        }
        err.print(prompt);
        err.flush();
        return in.readLine();
    }

    // Linux tells exactly which descriptor is a terminal; elsewhere fall back to System.console().
    private static boolean isTty(int fd, boolean consoleFallback) {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return consoleFallback;
        }
    }
}
