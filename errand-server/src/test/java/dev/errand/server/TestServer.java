package dev.errand.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.Json;
import dev.errand.sandbox.FileTree;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.execution.ExecutionConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server on a free loopback port with a temporary data directory, plus a small HTTP and
 * WebSocket client speaking to it as the admin created on first start.
 *
 * <p>Either start one where a test needs it ({@link #start(Path)}, closed by the test), or share one
 * across a test class as a JUnit extension, started before the class's {@code @BeforeAll} methods
 * and closed, its data directory deleted, after the class:
 * <pre>{@code @RegisterExtension static final TestServer server = TestServer.perClass();}</pre>
 */
public final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** The wire mapper. */
    public static final ObjectMapper JSON = Json.newMapper();
    private ErrandServer server;
    private String key;
    private Path ownDir;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer(ErrandServer server, String key) {
        this.server = server;
        this.key = key;
    }

    /** @return a server that starts before the test class it is registered in and stops after it */
    public static TestServer perClass() {
        return new TestServer(null, null);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ownDir = Files.createTempDirectory("errand-test-server-");
        TestServer started = start(ownDir);
        server = started.server;
        key = started.key;
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (server != null) {
            close();
        }
        FileTree.delete(ownDir);
    }

    /** Starts a server on SQLite in {@code dir} with a short kill grace. */
    public static TestServer start(Path dir) throws Exception {
        return start(ServerConfig.forDataDir(dir));
    }

    /** Starts a server with this config (a 1 s kill grace is applied). */
    public static TestServer start(ServerConfig config) throws Exception {
        ExecutionConfig e = config.executions();
        ErrandServer s = ErrandServer.start(config.withExecutions(
                new ExecutionConfig(e.maxConcurrent(), e.defaultTimeoutSeconds(), e.maxTimeoutSeconds(), Duration.ofSeconds(1))));
        return new TestServer(s, s.bootstrapKey().orElseThrow());
    }

    /** Creates a user with this role and returns a new API key of theirs. */
    public String keyFor(dev.errand.server.identity.Role role, String email) {
        var identity = new dev.errand.server.identity.JdbiIdentityStore();
        String key = dev.errand.server.identity.ApiKeys.generate();
        server.database().write(h -> {
            String userId = dev.errand.server.identity.Ids.next("usr_");
            identity.insertUser(h, userId, email, role, System.currentTimeMillis());
            identity.insertKey(h, dev.errand.server.identity.Ids.next("key_"), userId, "test",
                    dev.errand.server.identity.ApiKeys.hash(key), System.currentTimeMillis(), null);
            return null;
        });
        return key;
    }

    /** Waits until the execution is terminal and returns its view as JSON. */
    public com.fasterxml.jackson.databind.JsonNode awaitTerminal(String id) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
                .until(() -> JSON.readTree(send("GET", "/api/v1/executions/" + id, null).body()),
                        v -> dev.errand.protocol.ExecutionStatus.valueOf(v.get("status").asText()).terminal());
    }

    /** @return the stored log text of an execution, one line per log line */
    public String logText(String id) throws Exception {
        var page = JSON.readTree(send("GET", "/api/v1/executions/" + id + "/logs?limit=10000", null).body());
        StringBuilder b = new StringBuilder();
        page.get("lines").forEach(l -> b.append(l.get("text").asText()).append('\n'));
        return b.toString();
    }

    /** @return the stored log as {@code text/plain}, as a download shows it */
    public String plainLog(String id) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/executions/" + id + "/logs?limit=10000"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/plain").build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** @return the admin key */
    public String key() {
        return key;
    }

    /** @return the server */
    public ErrandServer server() {
        return server;
    }

    /** @return {@code http://127.0.0.1:port}, where the web app's pages are */
    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** @return {@code http://127.0.0.1:port} + path */
    public URI uri(String path) {
        return URI.create(base() + path);
    }

    /** Sends a request with the admin key. */
    public HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, key);
    }

    /** Sends a request with the given key (null for none). */
    public HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Submits an execution and checks it was accepted (202). */
    public dev.errand.protocol.ExecutionView submit(String json) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/executions", json);
        if (r.statusCode() != 202) {
            throw new AssertionError("submit answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readValue(r.body(), dev.errand.protocol.ExecutionView.class);
    }

    /** Waits up to 60 s for an execution to become terminal, and returns its typed view. */
    public dev.errand.protocol.ExecutionView awaitView(String id) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
            HttpResponse<String> r = send("GET", "/api/v1/executions/" + id, null);
            return JSON.readValue(r.body(), dev.errand.protocol.ExecutionView.class);
        }, v -> v.status().terminal());
    }

    /** @return every stored log line of an execution */
    public List<dev.errand.protocol.LogLine> logs(String id) throws Exception {
        HttpResponse<String> r = send("GET", "/api/v1/executions/" + id + "/logs?limit=10000", null);
        return JSON.readValue(r.body(), dev.errand.protocol.LogPage.class).lines();
    }

    /** Opens the log stream and collects every text frame until the server closes it. */
    public Frames follow(String executionId, long fromSeq) throws Exception {
        Frames frames = new Frames();
        http.newWebSocketBuilder().header("Authorization", "Bearer " + key)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/api/v1/executions/" + executionId
                        + "/logs/stream?from_seq=" + fromSeq), frames)
                .get(10, TimeUnit.SECONDS);
        return frames;
    }

    /** Text frames received on a stream, and its close. */
    public static final class Frames implements WebSocket.Listener {
        private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                queue.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closed.complete(status);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.completeExceptionally(error);
        }

        /** Waits for the close and returns every frame received. */
        public List<String> all(Duration timeout) throws Exception {
            closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<String> out = new ArrayList<>();
            queue.drainTo(out);
            return out;
        }

        /** @return the next frame, waiting up to the timeout */
        public String next(Duration timeout) throws InterruptedException {
            return queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
