package dev.errand.server.code;

import dev.errand.sandbox.StandbySpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox of a language: its root, its environment, its extra paths, and the stub program
 * that waits on stdin for a script. The stub reads one line with the script's length in bytes,
 * then exactly that many bytes into {@code /tmp/.s}, and sources it; with nothing on stdin it
 * exits quietly. Stateless.
 */
final class Specs {
    /** The stub: the first program of every code sandbox. */
    static final String STUB = "IFS= read -r n || exit 0; dd bs=\"$n\" count=1 iflag=fullblock status=none"
            + " of=/tmp/.s || exit 97; . /tmp/.s";
    private static final Map<String, String> BASE_ENV = Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin",
            "HOME", "/tmp",
            "TMPDIR", "/tmp",
            "LANG", "C.UTF-8",
            "TERM", "dumb");

    private Specs() {}

    /**
     * @param l the language
     * @param root where it runs
     * @param network whether the sandbox shares the host's network
     * @param scratchBytes the size of each private tmpfs
     * @return the sandbox spec
     */
    static StandbySpec of(Language l, Root root, boolean network, long scratchBytes) {
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.putAll(l.env());
        return new StandbySpec(root.dir(), List.of("/bin/sh", "-c", STUB), env, network, "errand", scratchBytes,
                l.paths());
    }
}
