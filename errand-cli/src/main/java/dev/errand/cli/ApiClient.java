package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.Json;
import dev.errand.protocol.Version;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * The REST side of the Errand API over {@link HttpURLConnection}: a CLI command makes one or
 * two requests and exits, and this client starts and ends an order of magnitude faster than
 * {@code java.net.http.HttpClient} (whose selector thread and TLS set-up cost hundreds of
 * milliseconds per process), which stays in use for WebSocket streams only. Methods: GET, POST,
 * PUT and DELETE. Answers are returned as
 * JSON trees so {@code --json} can print exactly what the server sent (including fields this
 * CLI does not know), and {@link #convert} turns them into protocol records for display.
 * Thread-safe.
 */
final class ApiClient {
    private final Endpoint endpoint;
    private final String apiKey;
    private final ObjectMapper json;
    private final Duration timeout;

    /**
     * @param apiKey sent as {@code Authorization: Bearer}, or null for public routes
     * @param timeout the limit for one request and its answer
     */
    ApiClient(Endpoint endpoint, String apiKey, ObjectMapper json, Duration timeout) {
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.json = json;
        this.timeout = timeout;
    }

    /** @return the wire mapper, lenient about unknown fields and event types so newer servers work */
    static ObjectMapper newMapper() {
        return Json.newMapper()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE);
    }

    /**
     * An answer of any status.
     *
     * @param status the HTTP status
     * @param body the parsed JSON body; a missing node when the body is empty
     * @param requestId the {@code X-Request-Id} header, or null
     */
    record Response(int status, JsonNode body, String requestId) {}

    /** @return the body of a successful {@code GET}; errors become {@link ErrandException}s */
    JsonNode get(String pathAndQuery) {
        return exchange("GET", pathAndQuery, null).body();
    }

    /** @return the body of a successful {@code POST} of {@code body} (null sends no body) */
    JsonNode post(String path, Object body) {
        return exchange("POST", path, body).body();
    }

    /**
     * Sends one request; any status of 400 or more is an error.
     *
     * @throws ErrandException for an HTTP error (the server's code), an unreachable server
     *     ({@code UNAVAILABLE}) or a body that is not JSON ({@code INTERNAL})
     */
    Response exchange(String method, String pathAndQuery, Object body) {
        return exchange(method, pathAndQuery, body, status -> status < 400);
    }

    /**
     * Sends one request.
     *
     * @param body the JSON body, or null for none
     * @param accepted which statuses are answers rather than errors
     * @throws ErrandException as {@link #exchange(String, String, Object)} for statuses not accepted
     */
    Response exchange(String method, String pathAndQuery, Object body, IntPredicate accepted) {
        int status;
        String text;
        String requestId;
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve(pathAndQuery).toURL().openConnection(Proxy.NO_PROXY);
            c.setRequestMethod(method);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000));
            c.setReadTimeout((int) timeout.toMillis());
            c.setRequestProperty("Accept", "application/json");
            c.setRequestProperty("User-Agent", "errand-cli/" + Version.current());
            if (apiKey != null) {
                c.setRequestProperty("Authorization", "Bearer " + apiKey);
            }
            if (body != null) {
                byte[] bytes = write(body);
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                c.setFixedLengthStreamingMode(bytes.length);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(bytes);
                }
            }
            status = c.getResponseCode();
            requestId = c.getHeaderField(ApiPaths.REQUEST_ID_HEADER);
            try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
                text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw ErrorResponses.unreachable(endpoint, e);
        }
        if (!accepted.test(status)) {
            throw ErrorResponses.fromResponse(json, status, text, requestId);
        }
        return new Response(status, parse(status, text), requestId);
    }

    /**
     * Streams a line-oriented answer (JSON Lines) of a {@code GET}, calling {@code sink} per line
     * as it arrives, so large answers are never held whole.
     *
     * @throws ErrandException as {@link #exchange(String, String, Object)} for error statuses
     */
    void lines(String pathAndQuery, Consumer<String> sink) {
        try {
            HttpURLConnection c = (HttpURLConnection) endpoint.resolve(pathAndQuery).toURL().openConnection(Proxy.NO_PROXY);
            c.setInstanceFollowRedirects(false);
            c.setConnectTimeout((int) Math.min(timeout.toMillis(), 10_000));
            c.setRequestProperty("Accept", "application/x-ndjson, application/json");
            c.setRequestProperty("User-Agent", "errand-cli/" + Version.current());
            if (apiKey != null) {
                c.setRequestProperty("Authorization", "Bearer " + apiKey);
            }
            int status = c.getResponseCode();
            if (status >= 400) {
                String text;
                try (InputStream in = c.getErrorStream()) {
                    text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                throw ErrorResponses.fromResponse(json, status, text, c.getHeaderField(ApiPaths.REQUEST_ID_HEADER));
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(c.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isBlank()) {
                        sink.accept(line);
                    }
                }
            }
        } catch (IOException e) {
            throw ErrorResponses.unreachable(endpoint, e);
        }
    }

    /** @return the tree converted to a protocol record */
    <T> T convert(JsonNode node, Class<T> type) {
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ErrandException(ErrorCode.INTERNAL, "unexpected answer from the server (is " + endpoint
                    + " an Errand server of a compatible version?): " + e.getMessage(), e);
        }
    }

    /** @return the endpoint this client talks to */
    Endpoint endpoint() {
        return endpoint;
    }

    private JsonNode parse(int status, String body) {
        if (body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            String excerpt = body.length() > 200 ? body.substring(0, 200) : body;
            throw new ErrandException(ErrorCode.INTERNAL, "the server at " + endpoint + " answered HTTP "
                    + status + " with something that is not JSON: " + excerpt.strip());
        }
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }
}
