package dev.errand.server.http;

import dev.errand.server.identity.Ids;
import java.util.regex.Pattern;

/** Request ids: a caller's {@code X-Request-Id} is kept when well-formed, else a new {@code req_...} is made. */
public final class RequestIds {
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private RequestIds() {}

    /**
     * @param supplied the caller's header value, or null
     * @return the id to use for this request
     */
    public static String choose(String supplied) {
        if (supplied != null && WELL_FORMED.matcher(supplied).matches()) {
            return supplied;
        }
        return Ids.next("req_");
    }
}
