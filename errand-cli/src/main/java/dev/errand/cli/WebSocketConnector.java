package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.StreamEvent;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The log stream over the JDK's WebSocket client: text frames carrying one {@link StreamEvent}
 * each, authenticated with the same {@code Authorization: Bearer} header as REST calls.
 * Frames of unknown event types (a newer server) are skipped.
 */
final class WebSocketConnector implements StreamConnector {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http;
    private final Endpoint endpoint;
    private final String apiKey;
    private final ObjectMapper json;

    WebSocketConnector(HttpClient http, Endpoint endpoint, String apiKey, ObjectMapper json) {
        this.http = http;
        this.endpoint = endpoint;
        this.apiKey = apiKey;
        this.json = json;
    }

    /** @return a connector with the session's client, endpoint and (required) key */
    static StreamConnector forSession(Session session) {
        session.api(); // fails early, with advice, when no key is configured
        return new WebSocketConnector(session.http(), session.endpoint(), session.apiKey(), session.json());
    }

    @Override
    public Connection open(String executionId, long fromSeq) throws IOException {
        BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + apiKey)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .buildAsync(endpoint.webSocket(ApiPaths.logStream(executionId) + "?from_seq=" + fromSeq), new Listener(frames))
                    .get(CONNECT_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return new SocketConnection(socket, frames);
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

    private record SocketConnection(WebSocket socket, BlockingQueue<Frame> frames) implements Connection {
        @Override
        public Optional<Frame> next(Duration timeout) throws InterruptedException {
            return Optional.ofNullable(frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
        }

        @Override
        public void close() {
            socket.abort();
        }
    }

    /** Reassembles text messages and queues them as frames; the JDK calls it one message at a time. */
    private final class Listener implements WebSocket.Listener {
        private final BlockingQueue<Frame> frames;
        private final StringBuilder partial = new StringBuilder();

        Listener(BlockingQueue<Frame> frames) {
            this.frames = frames;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    StreamEvent event = json.readValue(text, StreamEvent.class);
                    if (event != null) {
                        frames.add(new Frame.Event(event));
                    }
                } catch (JsonProcessingException e) {
                    frames.add(new Frame.Closed("unreadable stream frame: " + e.getOriginalMessage()));
                    socket.abort();
                }
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            frames.add(new Frame.Closed("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")"));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            frames.add(new Frame.Closed(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
        }
    }
}
