package dev.errand.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input gets a 4xx with a stable code and a readable message, and stores nothing. */
class BadInputTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static JsonNode error(HttpResponse<String> r) throws Exception {
        JsonNode body = TestServer.JSON.readTree(r.body());
        assertThat(body.get("error").get("message").asText()).isNotBlank();
        assertThat(body.get("error").get("request_id").asText())
                .isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
        return body.get("error");
    }

    int executionCount() throws Exception {
        return TestServer.JSON.readTree(server.send("GET", "/api/v1/executions?limit=1000", null).body())
                .get("items").size();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty command|{\"command\":\"  \"}|invalid_request|command is empty",
        "missing command|{}|invalid_request|command is empty",
        "invalid env name|{\"command\":\"true\",\"env\":{\"1BAD\":\"x\"}}|invalid_request|env name '1BAD'",
        "reserved env name|{\"command\":\"true\",\"env\":{\"ERRAND_EXECUTION_ID\":\"x\"}}|invalid_request|reserved",
        "timeout too small|{\"command\":\"true\",\"timeout_seconds\":0}|invalid_request|timeout_seconds",
        "unknown image|{\"command\":\"true\",\"image\":\"nope\"}|invalid_request|unknown image 'nope'",
        "malformed json|{\"command\":|malformed_json|not valid JSON",
        "unknown field|{\"command\":\"true\",\"comand\":\"x\"}|malformed_json|unknown field 'comand'",
        "wrong type|{\"command\":[1]}|malformed_json|not valid JSON",
    })
    void badRequestsAreRefusedWithAStableCodeAndNothingIsStored(String name, String body, String code, String message)
            throws Exception {
        int before = executionCount();
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode err = error(r);
        assertThat(err.get("code").asText()).isEqualTo(code);
        assertThat(err.get("message").asText()).contains(message);
        assertThat(executionCount()).isEqualTo(before);
    }

    @Test
    void aCommandOver64KiBIsRefused() throws Exception {
        String big = "x".repeat(64 * 1024 + 1);
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"command\":\"" + big + "\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("message").asText()).contains("64 KiB");
    }

    @Test
    void moreThan256EnvEntriesAreRefused() throws Exception {
        String env = IntStream.range(0, 257).mapToObj(i -> "\"V" + i + "\":\"x\"").collect(Collectors.joining(","));
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"command\":\"true\",\"env\":{" + env + "}}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r).get("message").asText()).contains("257 entries");
    }

    @Test
    void aBodyOverTheSizeLimitGets413() throws Exception {
        String huge = "{\"command\":\"" + "y".repeat(9 * 1024 * 1024) + "\"}";
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", huge);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r).get("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void anUnknownExecutionIs404() throws Exception {
        for (String id : new String[] {"ex_01jd0m5v2c8q4w7x9y3z5a6b7c", "nonsense", "ex_%2e%2e"}) {
            HttpResponse<String> r = server.send("GET", "/api/v1/executions/" + id, null);
            assertThat(r.statusCode()).as(id).isEqualTo(404);
            assertThat(error(r).get("code").asText()).isEqualTo("not_found");
        }
        assertThat(server.send("POST", "/api/v1/executions/ex_01jd0m5v2c8q4w7x9y3z5a6b7c/kill", null).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aMissingOrWrongKeyIs401WithDistinctCodes() throws Exception {
        HttpResponse<String> none = server.send("GET", "/api/v1/executions", null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(error(none).get("code").asText()).isEqualTo("unauthenticated");
        HttpResponse<String> wrong = server.send("GET", "/api/v1/executions", null,
                "erk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(error(wrong).get("code").asText()).isEqualTo("invalid_api_key");
        HttpResponse<String> post = server.send("POST", "/api/v1/executions", "{\"command\":\"true\"}", "garbage");
        assertThat(post.statusCode()).isEqualTo(401);
    }

    @Test
    void theXApiKeyHeaderWorksToo() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/executions")).header("X-API-Key", server.key()).build();
        assertThat(HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesARequestIdAndAWellFormedOneIsKept() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/health")).header("X-Request-Id", "trace-1234-abcd").build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("X-Request-Id")).contains("trace-1234-abcd");
        HttpRequest bad = HttpRequest.newBuilder(server.uri("/api/v1/health")).header("X-Request-Id", "bad id!").build();
        assertThat(HttpClient.newHttpClient().send(bad, HttpResponse.BodyHandlers.ofString()).headers()
                .firstValue("X-Request-Id").orElseThrow()).startsWith("req_");
        HttpResponse<String> missing = server.send("GET", "/api/v1/nothing-here", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(error(missing).get("code").asText()).isEqualTo("not_found");
    }

    @Test
    void badQueryParametersAreRefused() throws Exception {
        assertThat(server.send("GET", "/api/v1/executions?limit=0", null).statusCode()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/executions?limit=abc", null).statusCode()).isEqualTo(400);
        HttpResponse<String> status = server.send("GET", "/api/v1/executions?status=DONE", null);
        assertThat(status.statusCode()).isEqualTo(400);
        assertThat(error(status).get("message").asText()).contains("unknown status 'DONE'");
        assertThat(server.send("GET", "/api/v1/executions?cursor=zzz", null).statusCode()).isEqualTo(400);
    }

    @Test
    void healthIsPublicAndReportsStoreAndDrivers() throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/health", null, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = TestServer.JSON.readTree(r.body());
        assertThat(h.get("status").asText()).isEqualTo("ok");
        assertThat(h.get("store").get("name").asText()).isEqualTo("sqlite");
        assertThat(h.get("drivers").get(0).get("name").asText()).isEqualTo("local");
        assertThat(h.get("drivers").get(0).get("ready").asBoolean()).isTrue();
    }
}
