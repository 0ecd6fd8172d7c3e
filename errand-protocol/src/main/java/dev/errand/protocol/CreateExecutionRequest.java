package dev.errand.protocol;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/executions}. Unknown fields are rejected.
 *
 * @param command the shell command line, run with {@code /bin/sh -c}; 1 byte to 64 KiB. With an
 *     image of the {@code oci} driver it may be left out: the image's entrypoint and cmd then run
 * @param image the image name, or null for the default image
 * @param env environment variables given to the command; at most 256, names matching
 *     {@code [A-Za-z_][A-Za-z0-9_]*}; null means none
 * @param timeoutSeconds the wall-clock limit in seconds enforced by the server, or null for the
 *     image's (else the server's) default; 1 to 604800
 * @param network whether the sandbox may use the network; null means the image default (on)
 * @param secrets names of secrets to inject, each as the environment variable it declares; null means none
 * @param lock a lock name ({@code [A-Za-z0-9][A-Za-z0-9._-]{0,63}}): at most one execution holding it
 *     runs at a time; null means none
 * @param lockMode {@code queue} (default: wait in {@code QUEUED}) or {@code fail} (409 at once when held)
 * @param git a repository to clone into the work directory before the command starts, or null
 * @param limits resource limits below the image's defaults, or null for the image's
 */
public record CreateExecutionRequest(
        String command,
        String image,
        Map<String, String> env,
        Integer timeoutSeconds,
        Boolean network,
        List<String> secrets,
        String lock,
        String lockMode,
        GitSource git,
        ExecutionLimits limits) {

    /** A request with no secrets, lock, git source or limits. */
    public CreateExecutionRequest(String command, String image, Map<String, String> env, Integer timeoutSeconds,
            Boolean network) {
        this(command, image, env, timeoutSeconds, network, null, null, null, null, null);
    }
}
