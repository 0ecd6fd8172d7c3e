package dev.errand.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi without geckodriver (Debian has none):
 * Firefox 129+ serves BiDi itself when started with {@code --remote-debugging-port}; {@link #tab()}
 * is the BiDi session. Each instance has a fresh profile whose {@code user.js} is
 * {@code firefox-user.js} beside this class: no updates, telemetry or any connection but to
 * loopback. Outside CI the tests skip with a message when Firefox is missing; under
 * {@code CI=true} they fail, so a CI run never passes without them.
 */
final class Firefox implements AutoCloseable {
    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");
    private static final Pattern LISTENING = Pattern.compile("WebDriver BiDi listening on (ws://\\S+)");
    private final Process process;
    private final BidiTab tab;

    private Firefox(Process process, BidiTab tab) {
        this.process = process;
        this.tab = tab;
    }

    /** Skips (or, under CI, fails) when Firefox ESR is not installed. */
    static void requireFirefox() {
        WebTests.requireInstalled("firefox-esr", FIREFOX);
    }

    /**
     * Starts Firefox with a fresh profile under {@code dir} (its output goes to
     * {@code dir/firefox.log}) and opens a BiDi session on its first tab.
     *
     * @throws IllegalStateException when Firefox does not offer BiDi within 60 s
     */
    static Firefox start(Path dir) throws InterruptedException {
        requireFirefox();
        try {
            Path profile = Files.createDirectories(dir.resolve("profile"));
            try (InputStream prefs = Firefox.class.getResourceAsStream("firefox-user.js")) {
                Files.copy(Objects.requireNonNull(prefs, "firefox-user.js is missing"), profile.resolve("user.js"));
            }
            Path log = dir.resolve("firefox.log");
            ProcessBuilder builder = new ProcessBuilder(FIREFOX.toString(), "--headless", "--no-remote", "--profile",
                    profile.toString(), "--remote-debugging-port=0", "about:blank")
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("MOZ_CRASHREPORTER_DISABLE", "1");
            Process process = builder.start();
            try {
                return new Firefox(process, new BidiTab(URI.create(listening(process, log) + "/session")));
            } catch (RuntimeException | InterruptedException e) {
                stop(process);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the BiDi session on Firefox's tab */
    BidiTab tab() {
        return tab;
    }

    /** Ends the BiDi session and stops Firefox with its content processes. */
    @Override
    public void close() {
        try {
            tab.close();
        } catch (RuntimeException e) {
            // Firefox is gone already, or does not answer: stopping it is all that is left.
        } finally {
            stop(process);
        }
    }

    /** Waits up to 60 s (on a busy machine) for "WebDriver BiDi listening on ws://..."; returns the address. */
    private static String listening(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String output;
        do {
            Thread.sleep(50);
            output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            Matcher m = LISTENING.matcher(output);
            if (m.find()) {
                return m.group(1);
            }
        } while (process.isAlive() && System.nanoTime() < deadline);
        throw new IllegalStateException("Firefox did not start WebDriver BiDi; its output:\n" + output);
    }

    /** SIGTERM, on which Firefox quits with its content processes; after 10 s, SIGKILL to it and them. */
    private static void stop(Process process) {
        process.destroy();
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
