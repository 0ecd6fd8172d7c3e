package dev.errand.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The log stream over the JDK's WebSocket client: text frames carrying one stream event each,
 * authenticated with the same {@code Authorization: Bearer} header as REST calls. A refused
 * upgrade becomes the server's error (401, 403, 404 are not retried); anything else is an
 * {@link IOException} the follower retries. See {@link WebSocketLink} for liveness checks.
 */
final class WebSocketConnector implements StreamConnector {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final Endpoint endpoint;
    private final String apiKey;
    private final ObjectMapper json;
    private final Duration pingAfter;
    private final Duration deadAfter;

    /**
     * @param pingAfter how long a silent connection waits before sending a ping
     * @param deadAfter how long after that ping, still without a frame, it counts as dropped
     */
    WebSocketConnector(HttpClient http, Endpoint endpoint, String apiKey, ObjectMapper json, Duration pingAfter, Duration deadAfter) {
        this.http = http;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.json = json;
        this.pingAfter = pingAfter;
        this.deadAfter = deadAfter;
    }

    /** @return a connector with the session's client, endpoint and (required) key; pings after 15 s of silence */
    static StreamConnector forSession(Session session) {
        session.api(); // fails early, with advice, when no key is configured
        return new WebSocketConnector(session.http(), session.endpoint(), session.apiKey(), session.json(),
                Duration.ofSeconds(15), Duration.ofSeconds(15));
    }

    @Override
    public Connection open(String executionId, long fromSeq) throws IOException {
        WebSocketLink link = new WebSocketLink(json, pingAfter, deadAfter);
        try {
            http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + apiKey)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(endpoint.webSocket(ApiPaths.logStream(executionId) + "?from_seq=" + fromSeq), link)
                    .get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return link;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException rejected) {
                int status = rejected.getResponse().statusCode();
                Object body = rejected.getResponse().body();
                String requestId = rejected.getResponse().headers().firstValue(ApiPaths.REQUEST_ID_HEADER).orElse(null);
                if (status >= 400 && status < 500 && status != 429) {
                    throw ErrorResponses.fromResponse(json, status, body == null ? "" : body.toString(), requestId);
                }
                throw new IOException("the server refused the log stream with HTTP " + status);
            }
            throw new IOException(ErrorResponses.unreachable(endpoint, e.getCause()).getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("timed out connecting to the log stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while connecting", e);
        }
    }
}
