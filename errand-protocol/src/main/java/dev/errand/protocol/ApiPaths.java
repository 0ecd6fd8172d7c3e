package dev.errand.protocol;

/** The HTTP API's paths, shared by server routes and clients. All live under {@link #BASE}. */
public final class ApiPaths {
    /** The prefix of every API route. */
    public static final String BASE = "/api/v1";
    /** {@code GET}: server health, public. */
    public static final String HEALTH = BASE + "/health";
    /** {@code POST}: exchange an API key for a browser session cookie; {@code GET}: the session; {@code DELETE}: sign out. */
    public static final String SESSION = BASE + "/session";
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
    /** {@code POST}: create a user (admin, 201 with a claim token); {@code GET}: list users. */
    public static final String USERS = BASE + "/users";
    /** {@code GET}: one user, by id ({@code usr_...}) or by the email of its active account. */
    public static final String USER = USERS + "/{user}";
    /** {@code POST}: revoke a user and with it every key (admin). */
    public static final String USER_REVOKE = USER + "/revoke";
    /** {@code PUT}: change a user's role (admin). */
    public static final String USER_ROLE = USER + "/role";
    /** {@code POST}: issue a new claim token for a user (admin). */
    public static final String USER_CLAIM_TOKENS = USER + "/claim-tokens";
    /** {@code POST}: redeem a claim token for an API key; public. */
    public static final String CLAIM = BASE + "/claim";
    /** {@code POST}: create an API key for the caller; {@code GET}: list keys. */
    public static final String KEYS = BASE + "/keys";
    /** {@code POST}: revoke a key. */
    public static final String KEY_REVOKE = KEYS + "/{id}/revoke";
    /** {@code GET}: a page of audit entries, newest first (admin). */
    public static final String AUDIT = BASE + "/audit";
    /** {@code GET}: check the audit hash chain (admin). */
    public static final String AUDIT_VERIFY = AUDIT + "/verify";
    /** {@code GET}: audit entries as JSON Lines, oldest first (admin). */
    public static final String AUDIT_EXPORT = AUDIT + "/export";
    /** {@code GET}: what one request did: audit entries, log lines, resources (admin). */
    public static final String TRACE = BASE + "/trace/{request_id}";
    /** {@code GET}: list secrets; {@code POST}: create one. */
    public static final String SECRETS = BASE + "/secrets";
    /** {@code GET} (metadata, never the value), {@code PUT}, {@code DELETE}: one secret. */
    public static final String SECRET = SECRETS + "/{name}";
    /** {@code GET}: a secret's metadata with its value (admins only; always audited). */
    public static final String SECRET_VALUE = SECRET + "/value";
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
    /** {@code POST}: import an OCI image (201). */
    public static final String IMAGES_IMPORT = BASE + "/images/import";
    /** {@code POST}: remove unpacked OCI images nothing uses. */
    public static final String IMAGES_PRUNE = BASE + "/images/prune";
    /** {@code POST}: read a playbook sent as text, and render it with params into an execution request. */
    public static final String PLAYBOOK_RENDER = BASE + "/playbooks/render";
    /** Header carrying the request id on every response. */
    public static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Alternative to {@code Authorization: Bearer}. */
    public static final String API_KEY_HEADER = "X-API-Key";

    private ApiPaths() {}

    /** @return the path of one execution */
    public static String execution(String id) {
        return EXECUTIONS + "/" + id;
    }

    /** @return the path of one user; {@code ref} is a user id or an email (percent-encode it) */
    public static String user(String ref) {
        return USERS + "/" + ref;
    }

    /** @return the revoke path of one key */
    public static String keyRevoke(String keyId) {
        return KEYS + "/" + keyId + "/revoke";
    }

    /** @return the trace path of one request id */
    public static String trace(String requestId) {
        return BASE + "/trace/" + requestId;
    }

    /** @return the log stream path of one execution */
    public static String logStream(String id) {
        return execution(id) + "/logs/stream";
    }
}
