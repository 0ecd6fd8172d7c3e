package dev.errand.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.Json;
import dev.errand.protocol.StreamEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A minimal API client for the benchmarks: submit, get, and follow a log stream. Thread-safe. */
final class BenchClient {
    static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    BenchClient(int port, String key) {
        this.base = "127.0.0.1:" + port;
        this.key = key;
    }

    ExecutionView submit(String command) throws Exception {
        return submit("host", command);
    }

    ExecutionView submit(String image, String command) throws Exception {
        return JSON.readValue(post("/api/v1/executions", java.util.Map.of("image", image, "command", command), 202),
                ExecutionView.class);
    }

    /** Posts a JSON body and returns the response body; fails unless the status is {@code expected}. */
    String post(String path, Object body, int expected) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + base + path))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException("POST " + path + " failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    ExecutionView get(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + base + "/api/v1/executions/" + id))
                .header("Authorization", "Bearer " + key).build();
        return JSON.readValue(http.send(req, HttpResponse.BodyHandlers.ofString()).body(), ExecutionView.class);
    }

    /**
     * Follows a stream to its end, handing every event to {@code onEvent} on the WebSocket thread.
     *
     * @return completes with the final status event
     */
    CompletableFuture<StreamEvent.Status> follow(String id, Consumer<StreamEvent> onEvent) throws Exception {
        CompletableFuture<StreamEvent.Status> done = new CompletableFuture<>();
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        StreamEvent ev = JSON.readValue(partial.toString(), StreamEvent.class);
                        onEvent.accept(ev);
                        if (ev instanceof StreamEvent.Status s) {
                            done.complete(s);
                        }
                    } catch (Exception e) {
                        done.completeExceptionally(e);
                    }
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
                done.completeExceptionally(new IllegalStateException("closed before status: " + status));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                done.completeExceptionally(error);
            }
        };
        http.newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create("ws://" + base + "/api/v1/executions/" + id + "/logs/stream"), listener)
                .get(10, TimeUnit.SECONDS);
        return done;
    }
}
