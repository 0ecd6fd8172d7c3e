package dev.errand.protocol;

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
 *     server default; 1 to 604800
 * @param network whether the sandbox may use the network; null means the image default (on)
 */
public record CreateExecutionRequest(
        String command,
        String image,
        Map<String, String> env,
        Integer timeoutSeconds,
        Boolean network) {}
