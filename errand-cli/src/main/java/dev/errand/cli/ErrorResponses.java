package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

/** Turns failed HTTP exchanges into {@link ErrandException}s with the right code and message. */
final class ErrorResponses {
    private ErrorResponses() {}

    /**
     * @param status the HTTP status, 400 or more
     * @param body the response body, possibly empty or not JSON
     * @param headerRequestId the {@code X-Request-Id} header, or null
     * @return an {@link ApiException} for an error body, else an {@link ErrandException} quoting the body
     */
    static ErrandException fromResponse(ObjectMapper json, int status, String body, String headerRequestId) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.path("code").isTextual()) {
                String requestId = error.path("request_id").isTextual() ? error.path("request_id").asText() : headerRequestId;
                return new ApiException(error.path("code").asText(), error.path("message").asText("(no message)"), requestId);
            }
        } catch (IOException | RuntimeException notJson) {
            // Fall through: a proxy or a wrong endpoint answered.
        }
        String excerpt = body.length() > 200 ? body.substring(0, 200) : body;
        return new ErrandException(codeForStatus(status), "request failed with HTTP " + status + ": " + excerpt.strip());
    }

    /** @return the error code whose HTTP status matches, UNAVAILABLE for gateway errors, else INTERNAL */
    static ErrorCode codeForStatus(int status) {
        if (status == 502 || status == 504) {
            return ErrorCode.UNAVAILABLE;
        }
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return code;
            }
        }
        return status >= 400 && status < 500 ? ErrorCode.INVALID_REQUEST : ErrorCode.INTERNAL;
    }

    /** @return an UNAVAILABLE error explaining that the server could not be reached */
    static ErrandException unreachable(Endpoint endpoint, Throwable failure) {
        String hint = failure instanceof ConnectException || rootCause(failure) instanceof ConnectException
                ? " (is it running? start it with 'errand server')" : "";
        String reason = failure instanceof HttpTimeoutException ? "timed out" : reason(failure);
        return new ErrandException(ErrorCode.UNAVAILABLE,
                "cannot reach the Errand server at " + endpoint + ": " + reason + hint, failure);
    }

    // The JDK HTTP client often wraps the useful message (e.g. "Connection refused") in a cause.
    private static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException) {
                return "unknown host";
            }
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        // The JDK reports a refused connection as a bare ConnectException.
        return failure instanceof ConnectException || rootCause(failure) instanceof ConnectException
                ? "connection refused" : failure.getClass().getSimpleName();
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
