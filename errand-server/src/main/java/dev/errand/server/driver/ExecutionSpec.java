package dev.errand.server.driver;

import dev.errand.sandbox.Limits;
import java.nio.file.Path;
import java.util.Map;

/**
 * Everything a driver needs to start one execution.
 *
 * @param executionId the execution's id, also used for the sandbox's hostname and work directory
 * @param command the shell command line, run with {@code /bin/sh -c}
 * @param image the image name
 * @param env the complete environment (image defaults, request env, secrets, {@code ERRAND_EXECUTION_ID})
 * @param network whether the sandbox may use the host's network
 * @param limits resource limits
 * @param rootfs the image's root filesystem directory, or null for the host's
 * @param chdir where the command starts inside the sandbox, or null for the work directory
 * @param uid the user id inside the sandbox, or null for the default
 * @param prepare fills the fresh work directory before the command starts (a git clone), or null
 */
public record ExecutionSpec(
        String executionId, String command, String image, Map<String, String> env, boolean network, Limits limits,
        Path rootfs, String chdir, Integer uid, WorkDirPreparation prepare) {

    /** Copies the environment. */
    public ExecutionSpec {
        env = Map.copyOf(env);
    }

    /** A spec on the host's files, starting in the work directory, with nothing to prepare. */
    public ExecutionSpec(String executionId, String command, String image, Map<String, String> env, boolean network,
            Limits limits) {
        this(executionId, command, image, env, network, limits, null, null, null, null);
    }
}
