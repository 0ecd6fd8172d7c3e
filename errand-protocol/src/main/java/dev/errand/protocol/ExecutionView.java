package dev.errand.protocol;

import java.time.Instant;

/**
 * An execution as the API shows it ({@code GET /api/v1/executions/{id}}, list items, and the
 * 202 answer to a create).
 *
 * @param id the execution id, {@code ex_} followed by 26 lower-case base32 characters
 * @param status the current status
 * @param command the command line as submitted
 * @param image the image name it runs in
 * @param driver the driver that runs it ({@code local}, {@code process}, ...)
 * @param user the email of the user who started it
 * @param exitCode the command's exit code once terminal, else null
 * @param reason why it ended as it did (timeout, kill, lost, start failure), else null
 * @param createdAt when it was accepted
 * @param startedAt when the command started running, else null
 * @param finishedAt when it reached a terminal status, else null
 * @param timeoutSeconds the enforced wall-clock limit in seconds
 * @param network whether the sandbox had network access
 * @param streamUrl the WebSocket URL path that follows its logs
 * @param webUrl the web viewer path for it
 */
public record ExecutionView(
        String id,
        ExecutionStatus status,
        String command,
        String image,
        String driver,
        String user,
        Integer exitCode,
        String reason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        int timeoutSeconds,
        boolean network,
        String streamUrl,
        String webUrl) {}
