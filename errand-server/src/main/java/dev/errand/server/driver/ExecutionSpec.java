package dev.errand.server.driver;

import dev.errand.sandbox.Limits;
import java.util.Map;

/**
 * Everything a driver needs to start one execution.
 *
 * @param executionId the execution's id, also used for the sandbox's hostname and work directory
 * @param command the shell command line, run with {@code /bin/sh -c}
 * @param image the image name
 * @param env the complete environment (image defaults, request env, {@code ERRAND_EXECUTION_ID})
 * @param network whether the sandbox may use the host's network
 * @param limits resource limits
 */
public record ExecutionSpec(
        String executionId, String command, String image, Map<String, String> env, boolean network, Limits limits) {

    /** Copies the environment. */
    public ExecutionSpec {
        env = Map.copyOf(env);
    }
}
