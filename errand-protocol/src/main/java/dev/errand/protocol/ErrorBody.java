package dev.errand.protocol;

/**
 * The body of every error response: {@code {"error":{"code":"not_found","message":"...","request_id":"..."}}}.
 *
 * @param error the error detail, never null
 */
public record ErrorBody(Detail error) {

    /**
     * @param code the wire name of an {@link ErrorCode}
     * @param message a sentence a person understands
     * @param requestId the {@code X-Request-Id} of the failed request, or null
     */
    public record Detail(String code, String message, String requestId) {}

    /** @return an error body for the code, message and request id */
    public static ErrorBody of(ErrorCode code, String message, String requestId) {
        return new ErrorBody(new Detail(code.wireName(), message, requestId));
    }
}
