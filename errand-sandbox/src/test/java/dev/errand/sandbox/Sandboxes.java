package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Test fixtures: a working bubblewrap launcher (or a skip), and specs for shell scripts. */
final class Sandboxes {
    /** The environment most test scripts get. */
    static final Map<String, String> PATH_ONLY = Map.of("PATH", "/usr/bin:/bin");

    private Sandboxes() {}

    /**
     * @return a launcher whose availability check passed. Skips the test when bubblewrap is not
     *     installed, unless the environment variable CI is {@code true}: then it fails instead.
     *     Bubblewrap installed but not working always fails.
     */
    static BubblewrapLauncher bubblewrap() {
        requireBwrap();
        BubblewrapLauncher launcher = new BubblewrapLauncher();
        Availability a = launcher.availability();
        assertThat(a.available()).as(a.detail()).isTrue();
        return launcher;
    }

    /** @return a standby launcher whose availability check passed; skips or fails as {@link #bubblewrap()} */
    static StandbyLauncher standby() {
        requireBwrap();
        StandbyLauncher launcher = new StandbyLauncher();
        Availability a = launcher.availability();
        assertThat(a.available()).as(a.detail()).isTrue();
        return launcher;
    }

    private static void requireBwrap() {
        boolean ci = "true".equals(System.getenv("CI"));
        assumeTrue(ci || Executables.find("bwrap").isPresent(),
                "bubblewrap is not installed (sudo apt-get install -y bubblewrap); sandbox tests skipped");
    }

    /** @return a spec running {@code /bin/sh -c script} with only PATH, no network, no limits */
    static SandboxSpec sh(Path workDir, String script) {
        return sh(workDir, script, Limits.NONE);
    }

    /** @return a spec running {@code /bin/sh -c script} with only PATH, no network, the given limits */
    static SandboxSpec sh(Path workDir, String script, Limits limits) {
        return new SandboxSpec(List.of("/bin/sh", "-c", script), PATH_ONLY, workDir, false, "errand-test", limits);
    }

    /** @return true when the JVM runs as root, so sandboxes run as uid 65534 */
    static boolean hostIsRoot() {
        try {
            return HostUser.isRoot();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
