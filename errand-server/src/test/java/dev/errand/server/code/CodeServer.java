package dev.errand.server.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.protocol.Json;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A real server on a free loopback port with a temporary data directory and test code settings
 * (no pre-warming, no version detection), plus a client for the code routes as its admin.
 */
final class CodeServer implements AutoCloseable {
    static final ObjectMapper JSON = Json.newMapper();
    private final ErrandServer server;
    private final String key;
    private final HttpClient http = HttpClient.newHttpClient();

    private CodeServer(ErrandServer server, String key) {
        this.server = server;
        this.key = key;
    }

    /** Starts a server with the test settings. */
    static CodeServer start(Path dir) throws Exception {
        return start(dir, c -> c);
    }

    /** Starts a server with the test settings changed by {@code change}. */
    static CodeServer start(Path dir, UnaryOperator<CodeConfig> change) throws Exception {
        ErrandServer s = ErrandServer.start(ServerConfig.forDataDir(dir), change.apply(CodeConfig.forTests(dir)));
        return new CodeServer(s, s.bootstrapKey().orElseThrow());
    }

    /** Starts a server again on a data directory a previous one used, with that one's admin key. */
    static CodeServer restart(Path dir, String key) throws Exception {
        return new CodeServer(ErrandServer.start(ServerConfig.forDataDir(dir), CodeConfig.forTests(dir)), key);
    }

    ErrandServer server() {
        return server;
    }

    String key() {
        return key;
    }

    /** Sends a request with the admin key; {@code body} is a JSON string or null. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, key);
    }

    /** Sends a request with the given key (null for none). */
    HttpResponse<String> send(String method, String path, String body, String apiKey) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(120));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        b.header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Runs a request synchronously over HTTP and returns the result; fails on a non-200 answer. */
    ExecuteResult execute(ExecuteRequest request) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/execute", JSON.writeValueAsString(request));
        if (r.statusCode() != 200) {
            throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
        }
        return JSON.readValue(r.body(), ExecuteResult.class);
    }

    /** @return the error object of an error answer */
    static JsonNode error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error");
    }

    @Override
    public void close() {
        server.close();
    }
}
