package dev.errand.protocol;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/images/import}: imports an OCI image for the {@code oci}
 * driver (or replaces the image of that name). Unknown fields are rejected.
 *
 * @param name the image name executions will use: 1 to 63 of {@code a-z 0-9 . _ -}, starting with
 *     a letter or digit, not {@code host}
 * @param source {@code docker://REF}, {@code oci-archive:PATH[:TAG]}, {@code oci:DIR[:TAG]} or
 *     {@code docker-archive:PATH}; paths are absolute, on the server's host
 * @param digest the manifest digest ({@code sha256:...}) the imported image must have, or null
 * @param entrypoint replaces the image's {@code Entrypoint} ({@code []} clears it), or null
 * @param cmd replaces the image's {@code Cmd}, or null
 * @param env entries added to (or replacing those of) the image's {@code Env}, or null
 * @param workingDir replaces the image's {@code WorkingDir} (absolute), or null
 * @param user replaces the image's {@code User} ({@code name}, {@code uid}, {@code user:group}), or null
 * @param network whether executions get the host's network unless the request says otherwise;
 *     null means on
 * @param memoryBytes the memory limit of each execution in bytes (cgroup, whole container), or null for none
 * @param maxProcesses the process limit of each execution (cgroup pids), or null for none
 */
public record ImageImportRequest(
        String name,
        String source,
        String digest,
        List<String> entrypoint,
        List<String> cmd,
        Map<String, String> env,
        String workingDir,
        String user,
        Boolean network,
        Long memoryBytes,
        Integer maxProcesses) {}
