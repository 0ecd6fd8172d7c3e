package dev.errand.protocol;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/v1/images} (register) and {@code PUT /api/v1/images/{name}}
 * (change defaults; null leaves a field unchanged). Unknown fields are rejected.
 *
 * @param name the image name (register only)
 * @param source {@code rootfs} (with {@code rootfs}) or {@code host}; built images come from the build route
 * @param rootfs an absolute directory on the server holding a root filesystem
 * @param driver the driver, or null for the server's default
 * @param cpus vCPUs billed by default, 0.01 to 64
 * @param memoryMb default memory limit in MiB, at least 16
 * @param maxProcesses default process limit, at least 1
 * @param cpuSeconds default CPU-time limit, at least 1
 * @param network default network access (register default: true)
 * @param env default environment
 * @param user {@code root}, or a numeric user id inside the sandbox
 * @param workdir an absolute directory inside the sandbox to start in
 * @param timeoutSeconds default wall-clock limit in seconds
 * @param roles roles that may use it (empty: every role that may run)
 * @param setDefault true to make it the default image
 */
public record ImageRequest(String name, String source, String rootfs, String driver, Double cpus, Integer memoryMb,
        Integer maxProcesses, Integer cpuSeconds, Boolean network, Map<String, String> env, String user,
        String workdir, Integer timeoutSeconds, List<String> roles, Boolean setDefault) {}
