package dev.errand.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteRequest;
import dev.errand.protocol.ExecuteResult;
import dev.errand.protocol.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Posts code runs over HTTP for the benchmarks. Thread-safe. */
final class CodeClient {
    static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI execute;
    private final String key;

    CodeClient(int port, String key) {
        this.execute = URI.create("http://127.0.0.1:" + port + "/api/v1/execute");
        this.key = key;
    }

    /**
     * Runs one request synchronously.
     *
     * @return the result
     * @throws IllegalStateException on a non-200 answer or a status other than {@code ok}
     */
    ExecuteResult run(ExecuteRequest request) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(execute).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request))).build();
        HttpResponse<byte[]> r = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode() + ": " + new String(r.body()));
        }
        ExecuteResult result = JSON.readValue(r.body(), ExecuteResult.class);
        if (result.status() != CodeStatus.OK) {
            throw new IllegalStateException(result.language() + " ended " + result.status().wireName() + ": "
                    + result.message() + " " + result.stderr() + " " + result.compileOutput());
        }
        return result;
    }
}
