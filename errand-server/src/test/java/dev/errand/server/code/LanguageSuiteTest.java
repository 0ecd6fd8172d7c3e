package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.sandbox.StandbyLauncher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.opentest4j.TestAbortedException;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every installed language of the chosen set runs hello world (compiled languages twice: the
 * second run reuses the cached artefacts), a stdin echo, a runtime error, a compile error
 * (compiled languages) and a timeout, each over HTTP, each with the right status; and its
 * version command prints a version in its sandbox. At the end the test prints one summary line:
 * how many languages passed everything, which failed what, which were not installed.
 * The set is the languages CI installs, or every catalogue language with
 * {@code -Derrand.code.languages=all} (the Maven profile {@code all-languages}) or a comma-separated
 * list. A language that is not installed is skipped, except in CI ({@code CI=true}) where one of
 * the CI set or of an explicit list fails the test: CI must install what it claims to test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LanguageSuiteTest {
    /** The languages CI installs (scripts/test PACKAGES). */
    static final List<String> CI_LANGUAGES = List.of("python", "javascript", "java", "c", "cpp", "go", "rust", "bash");
    static final int TIMEOUT_MS = 1500;
    Path dir;
    CodeServer server;
    Map<String, Samples> samples;
    StandbyLauncher launcher;
    long started;
    /** Per installed language that ran: the kinds that failed (empty when none did). */
    final Map<String, Set<String>> failed = new ConcurrentSkipListMap<>();
    final Set<String> notInstalled = new ConcurrentSkipListSet<>();
    /** Languages whose installed version is not the catalogue's (another Debian release, or not Debian's). */
    final Map<String, String> otherVersions = new ConcurrentSkipListMap<>();

    @BeforeAll
    void start() throws Exception {
        started = System.nanoTime();
        launcher = new StandbyLauncher();
        dir = Files.createTempDirectory("errand-languages");
        samples = Samples.load();
        server = CodeServer.start(dir, c -> new CodeConfig(c.limits(), c.imagesDir(), c.maxConcurrent(), 1, List.of(),
                c.poolIdle(), c.cacheBytes(), false, false, c.suite(), c.mirror()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        launcher.close();
        if (failed.isEmpty() && notInstalled.isEmpty()) {
            return;
        }
        long passed = failed.values().stream().filter(Set::isEmpty).count();
        StringBuilder b = new StringBuilder("LanguageSuiteTest: ").append(passed).append(" of ")
                .append(failed.size() + notInstalled.size()).append(" languages passed every sample in ")
                .append((System.nanoTime() - started) / 1_000_000_000).append(" s");
        failed.forEach((id, kinds) -> {
            if (!kinds.isEmpty()) {
                b.append("; ").append(id).append(" failed ").append(String.join(",", kinds));
            }
        });
        if (!otherVersions.isEmpty()) {
            b.append("; installed versions other than the catalogue's: ").append(otherVersions);
        }
        if (!notInstalled.isEmpty()) {
            b.append("; not installed (skipped): ").append(String.join(",", notInstalled));
        }
        System.out.println(b);
    }

    List<Arguments> cases() throws Exception {
        String chosen = System.getProperty("errand.code.languages", "");
        LanguageCatalogue catalogue = LanguageCatalogue.load();
        List<String> ids = chosen.isBlank() ? CI_LANGUAGES : chosen.equals("all")
                ? catalogue.all().stream().map(Language::id).toList() : List.of(chosen.split(","));
        List<Arguments> out = new ArrayList<>();
        for (String id : ids) {
            Language l = catalogue.find(id).orElseThrow(() -> new IllegalArgumentException("no language " + id));
            for (String kind : List.of("hello", "echo", "runtime_error", "compile_error", "timeout", "version")) {
                if (kind.equals("compile_error") && !l.compiled()) {
                    continue;
                }
                out.add(Arguments.of(l.id(), kind));
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void eachInstalledLanguageRunsItsSamplesWithTheRightStatus(String id, String kind) throws Exception {
        Language l = LanguageCatalogue.load().find(id).orElseThrow();
        boolean installed = new Roots(dir.resolve("languages"), Path.of("/"), Optional.empty()).resolve(l).isPresent();
        boolean everything = "all".equals(System.getProperty("errand.code.languages"));
        if (!installed && !everything && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(id + " is not installed: add its packages " + l.packages() + " to scripts/test");
        }
        if (!installed) {
            notInstalled.add(id);
        }
        assumeTrue(installed, id + " is not installed here (" + l.packages() + ")");
        Set<String> failures = failed.computeIfAbsent(id, k -> new ConcurrentSkipListSet<>());
        try {
            check(l, kind);
        } catch (TestAbortedException e) {
            throw e;
        } catch (AssertionError | Exception e) {
            failures.add(kind);
            throw e;
        }
    }

    void check(Language l, String kind) throws Exception {
        String id = l.id();
        Samples s = samples.get(id);
        assertThat(s).as("samples.yaml has no entry for " + id).isNotNull();
        switch (kind) {
            case "hello" -> {
                for (boolean again : l.cache() ? List.of(false, true) : List.of(false)) {
                    ExecuteResult r = run(id, s.hello(), null, null);
                    assertThat(r.status()).as(describe(r)).isEqualTo(CodeStatus.OK);
                    assertThat(r.stdout().lines().findFirst().orElse("")).as(describe(r)).isEqualTo("hello, world");
                    assertThat(r.stderr()).as(describe(r)).isEmpty();
                    if (l.cache()) {
                        assertThat(r.cached()).as("artefacts reused the second time: " + describe(r)).isEqualTo(again);
                    }
                }
            }
            case "echo" -> {
                ExecuteResult r = run(id, s.echo(), s.stdinForEcho(), null);
                assertThat(r.status()).as(describe(r)).isEqualTo(CodeStatus.OK);
                assertThat(r.stdout()).as(describe(r)).isEqualTo(s.expectedEcho());
            }
            case "runtime_error" -> {
                assumeTrue(s.runtimeError() != null, id + " has no way to fail at run time");
                ExecuteResult r = run(id, s.runtimeError(), null, null);
                assertThat(r.status()).as(describe(r)).isEqualTo(CodeStatus.RUNTIME_ERROR);
                assertThat(r.exitCode()).as(describe(r)).isNotZero();
            }
            case "compile_error" -> {
                ExecuteResult r = run(id, s.compileError(), null, null);
                assertThat(r.status()).as(describe(r)).isEqualTo(CodeStatus.COMPILE_ERROR);
                assertThat(r.compileOutput()).as(describe(r)).isNotBlank();
                assertThat(r.exitCode()).isNull();
            }
            case "timeout" -> {
                ExecuteResult r = run(id, s.timeout(), null, TIMEOUT_MS);
                assertThat(r.status()).as(describe(r)).isEqualTo(CodeStatus.TIMEOUT);
                assertThat(r.timeMs()).as(describe(r)).isBetween((long) TIMEOUT_MS - 50, TIMEOUT_MS + 3000L);
            }
            case "version" -> {
                Root root = new Roots(dir.resolve("languages"), Path.of("/"), Optional.empty()).resolve(l).orElseThrow();
                LanguageVersions versions = new LanguageVersions();
                versions.detect(launcher, l, root, 64 << 20);
                assertThat(versions.detected(l)).as(id + ": '" + l.versionCommand() + "' prints a version in the sandbox")
                        .isPresent();
                String v = versions.detected(l).orElseThrow();
                if (!v.equals(l.version()) && !v.startsWith(l.version() + ".")) {
                    otherVersions.put(id, v + " (catalogue " + l.version() + ")");
                }
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    ExecuteResult run(String id, String code, String stdin, Integer timeoutMs) throws Exception {
        return server.execute(new ExecuteRequest(id, null, code, null, stdin, null, timeoutMs, null, null));
    }

    static String describe(ExecuteResult r) {
        return r.language() + " " + r.status() + " exit " + r.exitCode() + " (" + r.message() + ")\nstdout: "
                + r.stdout() + "\nstderr: " + r.stderr() + "\ncompile: " + r.compileOutput();
    }
}
