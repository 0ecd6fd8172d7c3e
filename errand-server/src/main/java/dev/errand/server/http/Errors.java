package dev.errand.server.http;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorBody;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.identity.AccessDeniedException;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place errors become HTTP responses: status from the {@link ErrorCode}, body {@link ErrorBody}. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);
    /** Context attribute holding the wire code of the error sent, if any. */
    static final String ERROR_CODE = "errand.errorCode";

    private Errors() {}

    static void errand(ErrandException e, Context ctx) {
        if (e instanceof RateLimitedException limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        if (e instanceof AccessDeniedException || denial(e.code())) {
            ctx.attribute(Requests.DENIED, Boolean.TRUE);
        }
        write(ctx, e.code(), e.getMessage());
    }

    /** @return true for the codes that mean "refused": bad credentials, forbidden, rate limited */
    static boolean denial(ErrorCode code) {
        return switch (code) {
            case UNAUTHENTICATED, INVALID_API_KEY, API_KEY_REVOKED, API_KEY_EXPIRED, FORBIDDEN, RATE_LIMITED -> true;
            default -> false;
        };
    }

    static void javalin(HttpResponseException e, Context ctx) {
        ErrorCode code = switch (e.getStatus()) {
            case 400 -> ErrorCode.INVALID_REQUEST;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 503 -> ErrorCode.UNAVAILABLE;
            default -> e.getStatus() >= 500 ? ErrorCode.INTERNAL : ErrorCode.INVALID_REQUEST;
        };
        String message = code == ErrorCode.PAYLOAD_TOO_LARGE ? "the request body is over the server's size limit"
                : e.getMessage();
        write(ctx, code, message);
    }

    static void unexpected(Exception e, Context ctx) {
        LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
        write(ctx, ErrorCode.INTERNAL, "internal error; report request id " + Requests.requestId(ctx));
    }

    static void notFound(Context ctx) {
        if (ctx.attribute("errand.handled") == null) {
            write(ctx, ErrorCode.NOT_FOUND, "no route " + ctx.method() + " " + ctx.path());
        }
    }

    static void write(Context ctx, ErrorCode code, String message) {
        ctx.attribute("errand.handled", Boolean.TRUE);
        ctx.attribute(ERROR_CODE, code.wireName());
        ctx.status(code.httpStatus()).json(ErrorBody.of(code, message, Requests.requestId(ctx)));
    }
}
