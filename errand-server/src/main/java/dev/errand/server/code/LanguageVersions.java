package dev.errand.server.code;

import dev.errand.sandbox.StandbyLauncher;
import dev.errand.sandbox.StandbySandbox;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed version of each language, read by running its {@code version_command} in a
 * sandbox (in the background at start, only for toolchains that changed since the last start:
 * the answers are kept in a file with a fingerprint of each toolchain) and keeping the first
 * version number printed. Until then, or when that fails, the catalogue's version stands.
 * Thread-safe.
 */
final class LanguageVersions {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageVersions.class);
    private static final Pattern DOTTED = Pattern.compile("\\d+(?:\\.\\d+)+");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private final Map<String, String> detected = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

    /** @return the detected version of {@code l}, else the catalogue's */
    String version(Language l) {
        return detected.getOrDefault(l.id(), l.version());
    }

    /** @return the version of {@code l} detected by its version command, if that worked */
    Optional<String> detected(Language l) {
        return Optional.ofNullable(detected.get(l.id()));
    }

    /**
     * @param requested a version prefix from a request, such as {@code 3} or {@code 3.11}
     * @return true when the language's detected or catalogue version is {@code requested} or
     *     starts with it followed by a dot
     */
    boolean matches(Language l, String requested) {
        String r = requested.strip();
        return r.equals("*") || r.equalsIgnoreCase("latest") || prefix(version(l), r) || prefix(l.version(), r);
    }

    private static boolean prefix(String version, String r) {
        return version.equals(r) || version.startsWith(r + ".");
    }

    /**
     * Reads versions detected by an earlier start ({@link #save}); each stands while its
     * fingerprint does. A missing or unreadable file is no error.
     */
    void load(Path file) {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (IOException e) {
            return;
        }
        p.forEach((id, value) -> {
            String[] parts = value.toString().split(" ", 2);
            if (parts.length == 2) {
                detected.put(id.toString(), parts[0]);
                fingerprints.put(id.toString(), parts[1]);
            }
        });
    }

    /** Writes what was detected, with fingerprints, for the next start; failures are logged. */
    void save(Path file) {
        Properties p = new Properties();
        detected.forEach((id, v) -> p.setProperty(id, v + " " + fingerprints.getOrDefault(id, "")));
        try (var out = Files.newBufferedWriter(file)) {
            p.store(out, "installed language versions, detected by the errand server");
        } catch (IOException e) {
            LOG.warn("could not save language versions to {}: {}", file, e.getMessage());
        }
    }

    /**
     * Detects the version of {@code l} unless an earlier detection has the same fingerprint.
     *
     * @param fingerprint what identifies the installed toolchain (see {@link Roots#fingerprint})
     */
    void refresh(StandbyLauncher launcher, Language l, Root root, String fingerprint, long scratchBytes) {
        if (fingerprint.equals(fingerprints.get(l.id())) && detected.containsKey(l.id())) {
            return;
        }
        detected.remove(l.id());
        detect(launcher, l, root, scratchBytes);
        fingerprints.put(l.id(), fingerprint);
    }

    /** Runs the version command of {@code l} in a sandbox and records the answer; failures are logged. */
    void detect(StandbyLauncher launcher, Language l, Root root, long scratchBytes) {
        try {
            StandbySandbox sandbox = launcher.start(Specs.of(l, root, false, scratchBytes, 0));
            try (OutputStream in = sandbox.stdin()) {
                // grouped, so the redirections apply to all of it, not only to the last command of a pipeline
                in.write(StubRequest.shell("{ " + l.versionCommand() + "\n} </dev/null 2>&1", 4096));
            }
            CompletableFuture.delayedExecutor(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    .execute(() -> sandbox.kill(Duration.ZERO)); // harmless once it has exited
            Thread.ofVirtual().start(() -> drain(sandbox.stderr()));
            String out = new StubReport(new StubReader(sandbox.stdout()), 4096).read(System.nanoTime(), StubReport.Steps.NONE)
                    .run().map(r -> StubReader.text(r.stdout())).orElse("");
            sandbox.waitFor();
            parse(out).ifPresent(v -> detected.put(l.id(), v));
        } catch (IOException e) {
            LOG.warn("could not read the version of {}: {}", l.id(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the first dotted number in {@code output}, else the first number */
    static Optional<String> parse(String output) {
        Matcher m = DOTTED.matcher(output);
        if (m.find()) {
            return Optional.of(m.group());
        }
        m = NUMBER.matcher(output);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    private static void drain(InputStream in) {
        try (in) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // nothing to keep
        }
    }
}
