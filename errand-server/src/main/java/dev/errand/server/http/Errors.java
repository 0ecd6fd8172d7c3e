package dev.errand.server.http;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorBody;
import dev.errand.protocol.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one place errors become HTTP responses: status from the {@link ErrorCode}, body {@link ErrorBody}. */
final class Errors {
    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {}

    static void errand(ErrandException e, Context ctx) {
        write(ctx, e.code(), e.getMessage());
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
        ctx.status(code.httpStatus()).json(ErrorBody.of(code, message, Requests.requestId(ctx)));
    }
}
