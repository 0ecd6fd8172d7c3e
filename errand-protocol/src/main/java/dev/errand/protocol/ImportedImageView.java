package dev.errand.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An imported OCI image, as {@code POST /api/v1/images/import} answers it.
 *
 * @param name the image name
 * @param driver always {@code oci}
 * @param source where it was imported from
 * @param digest its manifest digest, the key of its unpacked layers
 * @param entrypoint the effective entrypoint (the image's, or the override)
 * @param cmd the effective cmd
 * @param env the effective default environment
 * @param workingDir where the work directory is mounted and commands start
 * @param user the effective user setting, as written
 * @param network whether executions have the host's network by default
 * @param memoryBytes the memory limit of each execution, 0 for none
 * @param maxProcesses the process limit of each execution, 0 for none
 * @param importedAt when it was imported
 */
public record ImportedImageView(
        String name,
        String driver,
        String source,
        String digest,
        List<String> entrypoint,
        List<String> cmd,
        Map<String, String> env,
        String workingDir,
        String user,
        boolean network,
        long memoryBytes,
        int maxProcesses,
        Instant importedAt) {}
