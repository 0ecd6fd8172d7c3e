package dev.errand.protocol;

import java.util.Locale;

/**
 * The stable error vocabulary of the HTTP API and the CLI. Each code maps to exactly one HTTP
 * status and one CLI exit code (DESIGN.md §6: 1 error, 2 usage, 3 auth, 4 not found,
 * 5 conflict, 6 unavailable). The wire form is the lower-case name, e.g. {@code not_found}.
 *
 * <p>Codes are never renamed or reused once shipped; clients match on them.
 */
public enum ErrorCode {
    /** The request is well-formed JSON but a field is missing or invalid. */
    INVALID_REQUEST(400, 2),
    /** The body is not JSON, or not the JSON shape the route takes (includes unknown fields). */
    MALFORMED_JSON(400, 2),
    /** No credentials were presented. */
    UNAUTHENTICATED(401, 3),
    /** The presented API key is not known. */
    INVALID_API_KEY(401, 3),
    /** The presented API key (or its user) was revoked. */
    API_KEY_REVOKED(401, 3),
    /** The presented API key is past its expiry time. */
    API_KEY_EXPIRED(401, 3),
    /** Authenticated, but the role does not allow the action. */
    FORBIDDEN(403, 3),
    /** The resource does not exist or is not visible to the caller. */
    NOT_FOUND(404, 4),
    /** The request conflicts with the current state (already terminal, name taken, ...). */
    CONFLICT(409, 5),
    /** A claim token that was already redeemed. */
    CLAIM_TOKEN_USED(409, 5),
    /** A claim token past its 15-minute validity. */
    CLAIM_TOKEN_EXPIRED(410, 5),
    /** The request body is over the server's size limit. */
    PAYLOAD_TOO_LARGE(413, 2),
    /** The caller sent too many requests; retry after the {@code Retry-After} header. */
    RATE_LIMITED(429, 6),
    /** An unexpected server fault; the message carries the request id to report. */
    INTERNAL(500, 1),
    /** The server or a dependency (store, driver) cannot serve the request now. */
    UNAVAILABLE(503, 6);

    private final int httpStatus;
    private final int exitCode;

    ErrorCode(int httpStatus, int exitCode) {
        this.httpStatus = httpStatus;
        this.exitCode = exitCode;
    }

    /** @return the HTTP status this code is sent with (400..599) */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the CLI process exit code for this error (1..6) */
    public int exitCode() {
        return exitCode;
    }

    /** @return the wire form, the lower-case name such as {@code not_found} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name.
     *
     * @param wire a code as sent on the wire, e.g. {@code not_found}; case-insensitive
     * @return the code, or {@link #INTERNAL} for a null or unknown name (a newer server)
     */
    public static ErrorCode fromWire(String wire) {
        if (wire == null) {
            return INTERNAL;
        }
        try {
            return valueOf(wire.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return INTERNAL;
        }
    }
}
