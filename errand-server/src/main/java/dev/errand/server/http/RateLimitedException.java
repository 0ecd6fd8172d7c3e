package dev.errand.server.http;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;

/** A {@code rate_limited} (429) refusal; the error mapping sends {@link #retryAfterSeconds()} as {@code Retry-After}. */
public final class RateLimitedException extends ErrandException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    /**
     * @param message what was limited
     * @param retryAfterSeconds whole seconds until a retry can succeed, at least 1
     */
    public RateLimitedException(String message, long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** @return whole seconds until a retry can succeed, at least 1 */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
