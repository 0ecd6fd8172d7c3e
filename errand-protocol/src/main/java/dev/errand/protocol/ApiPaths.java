package dev.errand.protocol;

/** The HTTP API's paths, shared by server routes and clients. All live under {@link #BASE}. */
public final class ApiPaths {
    /** The prefix of every API route. */
    public static final String BASE = "/api/v1";
    /** {@code GET}: server health, public. */
    public static final String HEALTH = BASE + "/health";
    /** {@code POST}: create an execution (202); {@code GET}: list executions. */
    public static final String EXECUTIONS = BASE + "/executions";
    /** {@code GET}: one execution. */
    public static final String EXECUTION = EXECUTIONS + "/{id}";
    /** {@code GET}: a page of log lines ({@code from_seq}, {@code limit}); JSON or text/plain. */
    public static final String EXECUTION_LOGS = EXECUTION + "/logs";
    /** {@code GET}: WebSocket (or SSE with {@code Accept: text/event-stream}) log stream. */
    public static final String EXECUTION_LOG_STREAM = EXECUTION_LOGS + "/stream";
    /** {@code POST}: kill a running or queued execution. */
    public static final String EXECUTION_KILL = EXECUTION + "/kill";
    /** {@code POST}: import an OCI image (201). */
    public static final String IMAGES_IMPORT = BASE + "/images/import";
    /** {@code POST}: remove unpacked OCI images nothing uses. */
    public static final String IMAGES_PRUNE = BASE + "/images/prune";
    /** Header carrying the request id on every response. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Alternative to {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private ApiPaths() {}

    /** @return the path of one execution */
    public static String execution(String id) {
        return EXECUTIONS + "/" + id;
    }

    /** @return the log stream path of one execution */
    public static String logStream(String id) {
        return execution(id) + "/logs/stream";
    }
}
