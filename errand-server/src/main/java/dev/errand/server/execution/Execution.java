package dev.errand.server.execution;

import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.UsageView;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An execution as stored.
 *
 * @param id {@code ex_} + 26 characters
 * @param userId the owner's user id
 * @param userEmail the owner's email
 * @param command the shell command line
 * @param image the image name
 * @param driver the driver name
 * @param env the request's environment (no secret values)
 * @param network whether the sandbox has the host's network
 * @param timeoutSeconds the enforced wall-clock limit
 * @param status the current status
 * @param exitCode the exit code once known, else null
 * @param reason why it ended as it did, else null
 * @param requestId the request that created it
 * @param createdAt when accepted
 * @param startedAt when it started running, else null
 * @param finishedAt when it became terminal, else null
 * @param secrets names of the secrets injected, never values; empty for none
 * @param lockName the lock it holds or waits for, else null
 * @param git the git source to clone first, else null
 * @param limits the limits enforced (image defaults merged with the request's), never null
 * @param usage what it used once terminal, else null
 */
public record Execution(
        String id,
        String userId,
        String userEmail,
        String command,
        String image,
        String driver,
        Map<String, String> env,
        boolean network,
        int timeoutSeconds,
        ExecutionStatus status,
        Integer exitCode,
        String reason,
        String requestId,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        List<String> secrets,
        String lockName,
        GitSource git,
        ExecutionLimits limits,
        UsageView usage) {

    /** An execution without secrets, lock, git source, limits or usage. */
    public Execution(String id, String userId, String userEmail, String command, String image, String driver,
            Map<String, String> env, boolean network, int timeoutSeconds, ExecutionStatus status, Integer exitCode,
            String reason, String requestId, Instant createdAt, Instant startedAt, Instant finishedAt) {
        this(id, userId, userEmail, command, image, driver, env, network, timeoutSeconds, status, exitCode, reason,
                requestId, createdAt, startedAt, finishedAt, List.of(), null, null, NO_LIMITS, null);
    }

    /** Limits with every field unset. */
    public static final ExecutionLimits NO_LIMITS = new ExecutionLimits(null, null, null, null, null);

    /** Copies the lists; null secrets or limits become empty. */
    public Execution {
        secrets = secrets == null ? List.of() : List.copyOf(secrets);
        limits = limits == null ? NO_LIMITS : limits;
    }
}
