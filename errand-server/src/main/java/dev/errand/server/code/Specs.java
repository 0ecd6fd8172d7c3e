package dev.errand.server.code;

import dev.errand.sandbox.ErrandStub;
import dev.errand.sandbox.StandbySpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox of a language: its root, its environment, its extra paths, and {@link ErrandStub}
 * as its first program, which waits on stdin for a {@link StubRequest} (with nothing on stdin it
 * exits quietly) and, for a language with a {@link Language#preload()} launcher, starts that
 * launcher at once so the runtime is up before the request comes. Stateless.
 */
final class Specs {
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
     * @param preloadMemoryMb the memory limit a {@link Language#preload()} launcher starts with, or
     *     0 to start none (a sandbox for one shell command)
     * @return the sandbox spec
     */
    static StandbySpec of(Language l, Root root, boolean network, long scratchBytes, int preloadMemoryMb) {
        Map<String, String> env = new HashMap<>(BASE_ENV);
        env.putAll(l.env());
        Map<Path, Path> binds = new HashMap<>();
        for (Path p : l.paths()) {
            // a built image holds the language's own copy; the host's is where it is
            binds.put(root.host() ? p : root.dir().orElseThrow().resolve(p.toString().substring(1)), p);
        }
        List<String> argv = new ArrayList<>(List.of(ErrandStub.IN_SANDBOX));
        if (!l.preload().isEmpty() && preloadMemoryMb > 0) {
            argv.addAll(List.of("preload", "--"));
            argv.addAll(l.preloadCommand(preloadMemoryMb));
        }
        return new StandbySpec(root.dir(), argv, env, network, "errand", scratchBytes, binds);
    }
}
