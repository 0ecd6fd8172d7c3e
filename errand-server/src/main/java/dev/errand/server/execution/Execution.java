package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import java.time.Instant;
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
        Instant finishedAt) {}
