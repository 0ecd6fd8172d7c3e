package dev.errand.protocol;

import java.time.Instant;
import java.util.List;

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
 * @param secrets the names of the secrets injected (never their values), or null for none
 * @param lock the lock it holds or waits for, or null
 * @param queuePosition while {@code QUEUED}: 1 when it is next, else how many wait before it; else null
 * @param git the git source (its token secret's name only), or null
 * @param limits the limits enforced, or null for none
 * @param usage what it used and cost once terminal, else null
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
        String webUrl,
        List<String> secrets,
        String lock,
        Integer queuePosition,
        GitSource git,
        ExecutionLimits limits,
        UsageView usage) {

    /** A view without the runbook fields (secrets, lock, git, limits, usage). */
    public ExecutionView(String id, ExecutionStatus status, String command, String image, String driver, String user,
            Integer exitCode, String reason, Instant createdAt, Instant startedAt, Instant finishedAt,
            int timeoutSeconds, boolean network, String streamUrl, String webUrl) {
        this(id, status, command, image, driver, user, exitCode, reason, createdAt, startedAt, finishedAt,
                timeoutSeconds, network, streamUrl, webUrl, null, null, null, null, null, null);
    }
}
