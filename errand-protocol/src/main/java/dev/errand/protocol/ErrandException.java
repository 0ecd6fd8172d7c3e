package dev.errand.protocol;

import java.util.Objects;

/**
 * The one unchecked exception type for failures that carry a stable {@link ErrorCode}.
 * The server maps it to an HTTP error body; the CLI maps it to an exit code. Expected
 * outcomes (a command that failed, a lock that is held) are values, not this exception.
 */
public class ErrandException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    /**
     * @param code the stable code, never null
     * @param message a sentence a person understands, never containing secret values
     */
    public ErrandException(ErrorCode code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /**
     * @param code the stable code, never null
     * @param message a sentence a person understands
     * @param cause the underlying failure, kept for the server log
     */
    public ErrandException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** @return the stable error code */
    public ErrorCode code() {
        return code;
    }

    /** @return a {@link ErrorCode#INVALID_REQUEST} exception with the given message */
    public static ErrandException invalid(String message) {
        return new ErrandException(ErrorCode.INVALID_REQUEST, message);
    }

    /** @return a {@link ErrorCode#NOT_FOUND} exception with the given message */
    public static ErrandException notFound(String message) {
        return new ErrandException(ErrorCode.NOT_FOUND, message);
    }

    /** @return a {@link ErrorCode#CONFLICT} exception with the given message */
    public static ErrandException conflict(String message) {
        return new ErrandException(ErrorCode.CONFLICT, message);
    }
}
