package dev.errand.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.Principal;
import io.javalin.http.Context;
import java.io.IOException;

/** Typed access to the parts of a request that handlers need. */
public final class Requests {
    /** Context attribute holding the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "errand.principal";
    /** Context attribute holding the request id. */
    public static final String REQUEST_ID = "errand.requestId";
    /** Context attribute holding the route's {@link Action}. */
    static final String ACTION = "errand.action";
    /** Context attribute holding the audit target as {@code String[] {type, id}}. */
    static final String TARGET = "errand.auditTarget";
    /** Context attribute holding a short note for the audit entry. */
    static final String DETAIL = "errand.auditDetail";
    /** Context attribute holding the user a public request acted for (a claim). */
    static final String ACTOR = "errand.actor";
    /** Context attribute set when the request was refused by authentication, policy or a limit. */
    static final String DENIED = "errand.denied";

    private Requests() {}

    /** @return the authenticated caller (set by the auth filter) */
    public static Principal principal(Context ctx) {
        Principal p = ctx.attribute(PRINCIPAL);
        if (p == null) {
            throw new ErrandException(ErrorCode.UNAUTHENTICATED, "this route needs an API key");
        }
        return p;
    }

    /** @return the client's network address (the TCP peer; proxies are not trusted) */
    public static String source(Context ctx) {
        return ctx.ip();
    }

    /**
     * Names the resource this request acted on, for the audit trail; without it the target is
     * taken from the {@code Location} header or the path.
     *
     * @param type such as {@code user}
     * @param id such as {@code usr_...}
     */
    public static void auditTarget(Context ctx, String type, String id) {
        ctx.attribute(TARGET, new String[] {type, id});
    }

    /** Adds a short note to this request's audit entry, such as {@code developer -> operator}. */
    public static void auditDetail(Context ctx, String detail) {
        ctx.attribute(DETAIL, detail);
    }

    /** Names the user a public request acted for (a claim), for the audit trail. */
    public static void auditActor(Context ctx, Principal actor) {
        ctx.attribute(ACTOR, actor);
    }

    /** @return this request's id */
    public static String requestId(Context ctx) {
        return ctx.attribute(REQUEST_ID);
    }

    /**
     * Parses the JSON body (within the server's general body limit).
     *
     * @throws ErrandException {@code malformed_json} naming the problem (bad syntax, unknown field, wrong type)
     */
    public static <T> T body(Context ctx, ObjectMapper json, Class<T> type) {
        return parse(ctx.bodyAsBytes(), json, type);
    }

    /**
     * Parses a JSON body a route has read itself (one with a limit of its own), with the same
     * errors as {@link #body}.
     *
     * @throws ErrandException {@code malformed_json} for an empty body, bad syntax, an unknown field or a wrong type
     */
    public static <T> T parse(byte[] bytes, ObjectMapper json, Class<T> type) {
        if (bytes.length == 0) {
            throw new ErrandException(ErrorCode.MALFORMED_JSON, "the request body is empty: send a JSON object");
        }
        try {
            return json.readValue(bytes, type);
        } catch (UnrecognizedPropertyException e) {
            throw new ErrandException(ErrorCode.MALFORMED_JSON, "unknown field '" + e.getPropertyName()
                    + "'; known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new ErrandException(ErrorCode.MALFORMED_JSON, "the body is not valid JSON for this route: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ErrandException(ErrorCode.MALFORMED_JSON, "could not read the body: " + e.getMessage());
        }
    }

    /**
     * @return the query parameter as an int within bounds, or {@code dflt} when absent
     * @throws ErrandException {@code invalid_request} when it is not a number in range
     */
    public static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw ErrandException.invalid(name + " must be between " + min + " and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ErrandException.invalid(name + " must be a whole number, got '" + v + "'");
        }
    }

    /**
     * @return the query parameter as a long ≥ {@code min}, or {@code dflt} when absent
     * @throws ErrandException {@code invalid_request} when it is not a number in range
     */
    public static long longParam(String value, String name, long dflt, long min) {
        if (value == null || value.isBlank()) {
            return dflt;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n < min) {
                throw ErrandException.invalid(name + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ErrandException.invalid(name + " must be a whole number, got '" + value + "'");
        }
    }
}
