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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The REST side of the Errand API over the JDK's {@link HttpClient}. Answers are returned as
 * JSON trees so {@code --json} can print exactly what the server sent (including fields this
 * CLI does not know), and {@link #convert} turns them into protocol records for display.
 * Thread-safe.
 */
final class ApiClient {
    private final HttpClient http;
    private final Endpoint endpoint;
    private final String apiKey;
    private final ObjectMapper json;
    private final Duration timeout;

    /**
     * @param apiKey sent as {@code Authorization: Bearer}, or null for public routes
     * @param timeout the limit for one request and its answer
     */
    ApiClient(HttpClient http, Endpoint endpoint, String apiKey, ObjectMapper json, Duration timeout) {
        this.http = http;
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
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("User-Agent", "errand-cli/" + Version.current());
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ErrorResponses.unreachable(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrandException(ErrorCode.INTERNAL, "interrupted while waiting for the server", e);
        }
        String requestId = response.headers().firstValue(ApiPaths.REQUEST_ID_HEADER).orElse(null);
        if (!accepted.test(response.statusCode())) {
            throw ErrorResponses.fromResponse(json, response.statusCode(), response.body(), requestId);
        }
        return new Response(response.statusCode(), parse(response), requestId);
    }

    /**
     * Streams a line-oriented answer (JSON Lines) of a {@code GET}, calling {@code sink} per line
     * as it arrives, so large answers are never held whole.
     *
     * @throws ErrandException as {@link #exchange(String, String, Object)} for error statuses
     */
    void lines(String pathAndQuery, Consumer<String> sink) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint.resolve(pathAndQuery))
                .header("Accept", "application/x-ndjson, application/json")
                .header("User-Agent", "errand-cli/" + Version.current());
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw ErrorResponses.unreachable(endpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrandException(ErrorCode.INTERNAL, "interrupted while waiting for the server", e);
        }
        try (Stream<String> body = response.body()) {
            if (response.statusCode() >= 400) {
                throw ErrorResponses.fromResponse(json, response.statusCode(), body.collect(Collectors.joining("\n")),
                        response.headers().firstValue(ApiPaths.REQUEST_ID_HEADER).orElse(null));
            }
            body.filter(line -> !line.isBlank()).forEach(sink);
        } catch (UncheckedIOException e) {
            throw ErrorResponses.unreachable(endpoint, e.getCause());
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

    private JsonNode parse(HttpResponse<String> response) {
        if (response.body().isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(response.body());
        } catch (JsonProcessingException e) {
            String excerpt = response.body().length() > 200 ? response.body().substring(0, 200) : response.body();
            throw new ErrandException(ErrorCode.INTERNAL, "the server at " + endpoint + " answered HTTP "
                    + response.statusCode() + " with something that is not JSON: " + excerpt.strip());
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
