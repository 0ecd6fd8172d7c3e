package dev.errand.server.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * A minimal WebDriver BiDi client: one WebSocket to a browser's remote end, commands matched to
 * their answers by id, events handed to a listener. It follows the W3C WebDriver BiDi draft
 * (<a href="https://w3c.github.io/webdriver-bidi/">https://w3c.github.io/webdriver-bidi/</a>),
 * sections "Transport" and "Protocol": every message is one JSON text frame; a command is
 * {@code {"id": n, "method": "module.command", "params": {...}}}; its answer is either
 * {@code {"type": "success", "id": n, "result": {...}}} or
 * {@code {"type": "error", "id": n, "error": "no such frame", "message": "...", "stacktrace": "..."}};
 * an event is {@code {"type": "event", "method": "log.entryAdded", "params": {...}}}.
 *
 * <p>Thread-safe: any thread may send; each command waits for its own answer (up to 60 s). Events
 * reach the listener on the WebSocket's thread, one at a time, in the order the browser sent them.
 */
final class BidiConnection implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final BiConsumer<String, JsonNode> events;
    private final WebSocket socket;

    /**
     * Connects to a BiDi WebSocket, e.g. {@code ws://127.0.0.1:PORT/session} for a new session.
     *
     * @param events called with each event's method and params
     * @throws CompletionException when the connection fails
     */
    BidiConnection(URI uri, BiConsumer<String, JsonNode> events) {
        this.events = events;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(uri, new Listener()).join();
    }

    /**
     * Sends one command and waits for its answer.
     *
     * @param method the command's name, e.g. {@code browsingContext.navigate}
     * @param params its parameters: maps, lists, strings, numbers and booleans, written as JSON
     * @return the answer's {@code result} object
     * @throws IllegalStateException when the browser answers with an error, or no answer comes in
     *     60 s, or the connection closes first
     */
    JsonNode send(String method, Map<String, ?> params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        try {
            String text = JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params));
            synchronized (socket) { // the WebSocket allows one outstanding send at a time
                socket.sendText(text, true).join();
            }
            JsonNode message = answer.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS).join();
            if (!"success".equals(message.path("type").asText())) {
                throw new IllegalStateException(method + " failed: " + message.path("error").asText() + ": "
                        + message.path("message").asText());
            }
            return message.path("result");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(method + ": params are not JSON", e);
        } catch (CompletionException e) {
            throw new IllegalStateException(method + " got no answer: " + e.getCause(), e.getCause());
        } finally {
            pending.remove(id);
        }
    }

    private void receive(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            failAll(new IllegalStateException("the browser sent a message that is not JSON: " + text, e));
            return;
        }
        if (message.hasNonNull("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asLong());
            if (answer != null) {
                answer.complete(message);
            }
        } else if ("event".equals(message.path("type").asText())) {
            events.accept(message.path("method").asText(), message.path("params"));
        }
    }

    private void failAll(Throwable cause) {
        pending.values().forEach(answer -> answer.completeExceptionally(cause));
    }

    /** Closes the WebSocket (the browser may keep running; see the session's own end). */
    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(5, TimeUnit.SECONDS).join();
        } catch (CompletionException e) {
            // Already closed or the browser is gone: nothing left to close politely.
        } finally {
            socket.abort();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
            message.append(part); // large answers (screenshots) arrive in several parts
            if (last) {
                String text = message.toString();
                message.setLength(0);
                receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int status, String reason) {
            failAll(new IllegalStateException("the browser closed the connection: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(error);
        }
    }
}
