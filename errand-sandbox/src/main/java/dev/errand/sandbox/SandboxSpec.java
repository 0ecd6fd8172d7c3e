package dev.errand.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to run in one sandbox.
 *
 * @param argv the program and its arguments as seen inside the sandbox, at least one element
 *     (the server passes {@code ["/bin/sh", "-c", command]})
 * @param env the complete environment of the program; nothing of the host's leaks in
 * @param workDir a host directory, already created, mounted writable at {@link #SANDBOX_WORK_DIR}
 *     and used as the current directory
 * @param network true to share the host's network namespace, false for a private one with
 *     loopback only
 * @param hostname the hostname inside the sandbox
 * @param limits resource limits, {@link Limits#NONE} for none
 */
public record SandboxSpec(
        List<String> argv,
        Map<String, String> env,
        Path workDir,
        boolean network,
        String hostname,
        Limits limits) {

    /** Where {@link #workDir} appears inside the sandbox. */
    public static final String SANDBOX_WORK_DIR = "/work";

    /** Validates and copies. */
    public SandboxSpec {
        Objects.requireNonNull(argv, "argv");
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("argv must not be empty");
        }
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(limits, "limits");
    }
}
