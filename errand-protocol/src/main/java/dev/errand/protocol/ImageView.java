package dev.errand.protocol;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A registered image as the API shows it.
 *
 * @param name the name executions use, {@code [a-z0-9][a-z0-9._-]{0,63}}
 * @param driver the driver that runs it ({@code local}, {@code process})
 * @param source {@code host} (the host's /usr, read-only), {@code rootfs} (a directory) or
 *     {@code debian} (built with mmdebstrap)
 * @param rootfs the root filesystem directory on the server, or null for {@code host}
 * @param suite the Debian suite of a built image, else null
 * @param packages the extra Debian packages of a built image, else null
 * @param cpus vCPUs billed by default, or null for the server's default
 * @param memoryMb default memory limit in MiB, or null for none
 * @param maxProcesses default process limit, or null for none
 * @param cpuSeconds default CPU-time limit in seconds, or null for none
 * @param network whether executions get the network unless they say otherwise
 * @param env default environment of its executions (theirs wins)
 * @param user the user id inside the sandbox ({@code root} or a number), or null for the default
 * @param workdir where commands start inside the sandbox, or null for {@code /work}
 * @param timeoutSeconds default wall-clock limit, or null for the server's
 * @param roles roles (besides admin and operator) that may use it; empty for every role that may run
 * @param isDefault whether executions that name no image get it
 * @param buildState for built images: {@code building}, {@code ready} or {@code failed: REASON}; else null
 * @param builtAt when the last build finished, else null
 * @param createdBy who registered it ({@code built-in} for host)
 * @param createdAt when
 */
public record ImageView(String name, String driver, String source, String rootfs, String suite, List<String> packages,
        Double cpus, Integer memoryMb, Integer maxProcesses, Integer cpuSeconds, boolean network,
        Map<String, String> env, String user, String workdir, Integer timeoutSeconds, List<String> roles,
        boolean isDefault, String buildState, Instant builtAt, String createdBy, Instant createdAt) {}
