package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;

/**
 * An error the server reported with an error body. Keeps the code exactly as sent (a newer
 * server may send one this CLI does not know; it then maps to {@link ErrorCode#INTERNAL})
 * and the request id the user quotes when reporting it.
 */
final class ApiException extends ErrandException {
    private static final long serialVersionUID = 1L;
    private final String wireCode;
    private final String requestId;

    /**
     * @param wireCode the code as sent, such as {@code not_found}
     * @param message the server's message
     * @param requestId the request id from the body or the {@code X-Request-Id} header, or null
     */
    ApiException(String wireCode, String message, String requestId) {
        super(ErrorCode.fromWire(wireCode), message);
        this.wireCode = wireCode;
        this.requestId = requestId;
    }

    /** @return the line shown to the user: message, code and request id */
    String describe() {
        return getMessage() + " (code " + wireCode + (requestId == null ? "" : ", request " + requestId) + ")";
    }

    /** @return the request id, or null */
    String requestId() {
        return requestId;
    }
}
