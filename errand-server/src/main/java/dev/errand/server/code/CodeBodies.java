package dev.errand.server.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.http.Requests;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads execute bodies, which may exceed the server's general body limit: a run may carry 1 MiB
 * of code and 1 MiB of stdin, JSON-escaped. Parsing and its errors are {@link Requests#parse}'s. Stateless.
 */
final class CodeBodies {
    /** The largest body of {@code POST /api/v1/execute}: 8 MiB. */
    static final int SINGLE_LIMIT = 8 << 20;
    /** The largest body of {@code POST /api/v1/execute/batch}: 32 MiB. */
    static final int BATCH_LIMIT = 32 << 20;

    private CodeBodies() {}

    /**
     * @return the parsed body
     * @throws ErrandException {@code payload_too_large} over {@code limit} bytes, {@code malformed_json}
     *     for an empty body, bad syntax, an unknown field or a wrong type
     */
    static <T> T read(Context ctx, ObjectMapper json, Class<T> type, int limit) {
        byte[] bytes;
        try (InputStream in = ctx.bodyInputStream()) {
            bytes = in.readNBytes(limit + 1);
        } catch (IOException e) {
            throw new ErrandException(ErrorCode.MALFORMED_JSON, "could not read the body: " + e.getMessage());
        }
        if (bytes.length > limit) {
            throw new ErrandException(ErrorCode.PAYLOAD_TOO_LARGE, "the request body is over " + (limit >> 20)
                    + " MiB; code and stdin may each hold at most 1 MiB");
        }
        return Requests.parse(bytes, json, type);
    }
}
