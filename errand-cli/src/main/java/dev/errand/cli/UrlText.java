package dev.errand.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds URL paths and queries from values people type (emails, names), percent-encoding each. */
final class UrlText {
    private UrlText() {}

    /** @return {@code value} encoded as one path segment ({@code alice+ci@example.com} → {@code alice%2Bci%40example.com}) */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query string under construction; null values are left out. */
    static final class Query {
        private final Map<String, String> params = new LinkedHashMap<>();

        Query add(String name, Object value) {
            if (value != null) {
                params.put(name, value.toString());
            }
            return this;
        }

        /** @return {@code path?a=1&b=2}, or {@code path} without parameters */
        String on(String path) {
            StringBuilder out = new StringBuilder(path);
            char sep = '?';
            for (Map.Entry<String, String> p : params.entrySet()) {
                out.append(sep).append(p.getKey()).append('=').append(URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8));
                sep = '&';
            }
            return out.toString();
        }
    }
}
