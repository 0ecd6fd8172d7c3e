package dev.errand.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A short host command (runc kill, mount, skopeo copy ...) run to its end with a deadline: its exit
 * code and its output, stdout and stderr together. It gets an empty stdin, {@code /} as its
 * directory and an environment of {@link #PATH} only. Stateless and thread-safe.
 *
 * @param exit the exit code
 * @param output stdout and stderr, stripped
 */
public record HostCommand(int exit, String output) {
    /** Host commands see only this PATH: nothing of the server's environment leaks in. */
    public static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /**
     * @param command the program and its arguments
     * @param timeout how long it may run before it is killed
     * @return the result
     * @throws IOException when it cannot be started, ran past {@code timeout}, or the thread was interrupted
     */
    public static HostCommand run(List<String> command, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).directory(new File("/"));
        pb.environment().clear();
        pb.environment().put("PATH", PATH);
        Process p = pb.start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try (var in = p.getInputStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, task -> Thread.ofVirtual().start(task));
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + timeout.toSeconds() + " s");
            }
            return new HostCommand(p.exitValue(), new String(out.join(), StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.getFirst(), e);
        }
    }

    /**
     * Runs a command that must succeed.
     *
     * @return its output
     * @throws IOException when it fails, with its output
     */
    public static String check(List<String> command, Duration timeout) throws IOException {
        HostCommand r = run(command, timeout);
        if (r.exit != 0) {
            throw new IOException(command.getFirst() + " " + command.get(1) + " failed (exit " + r.exit + "): " + r.output);
        }
        return r.output;
    }
}
