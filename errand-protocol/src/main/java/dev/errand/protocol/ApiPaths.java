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
    /** {@code GET}: list secrets; {@code POST}: create one. */
    public static final String SECRETS = BASE + "/secrets";
    /** {@code GET} (with {@code reveal=true} for the value, admin only), {@code PUT}, {@code DELETE}: one secret. */
    public static final String SECRET = SECRETS + "/{name}";
    /** {@code GET}: list locks and their holders. */
    public static final String LOCKS = BASE + "/locks";
    /** {@code DELETE}: release a lock (operator, admin). */
    public static final String LOCK = LOCKS + "/{name}";
    /** {@code GET}: list images; {@code POST}: register one. */
    public static final String IMAGES = BASE + "/images";
    /** {@code GET}, {@code PUT}, {@code DELETE}: one image. */
    public static final String IMAGE = IMAGES + "/{name}";
    /** {@code POST}: make an image the default. */
    public static final String IMAGE_DEFAULT = IMAGE + "/default";
    /** {@code POST}: build (or rebuild) a Debian image with mmdebstrap. */
    public static final String IMAGE_BUILD = IMAGE + "/build";
    /** {@code GET}: usage and cost summed by user or image ({@code by}, {@code since}). */
    public static final String USAGE = BASE + "/usage";
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
