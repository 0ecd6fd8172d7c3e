package dev.errand.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.execution.ExecutionConfig;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-key rate limits, the failed-authentication throttle per address, and the body size limit. */
class AbuseLimitsTest {
    static final String WRONG_KEY = "erk_CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC";
    @TempDir
    Path dir;
    TestServer server;

    @BeforeEach
    void start() throws Exception {
        // 10 requests at once per key, then one a second; 3 failed authentications, then one a minute.
        server = TestServer.start(new ServerConfig(new HttpSettings("127.0.0.1", 0, 64 * 1024,
                new RateLimits(10, 1, 3, Duration.ofMinutes(1))), dir, null, "local", false, ExecutionConfig.defaults(), null));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body());
    }

    @Test
    void aKeyOverItsRateGets429WithRetryAfterAndOtherKeysAreUnaffected() throws Exception {
        Account busy = TestUsers.create(server, TestUsers.email("busy"), "developer");
        int ok = 0;
        HttpResponse<String> limited = null;
        for (int i = 0; i < 30 && limited == null; i++) {
            HttpResponse<String> r = server.send("GET", "/api/v1/executions", null, busy.key());
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                ok++;
            }
        }
        assertThat(limited).as("a 429 after the burst").isNotNull();
        assertThat(ok).isBetween(10, 13);
        assertThat(json(limited).get("error").get("code").asText()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 2L);
        assertThat(server.send("GET", "/api/v1/executions", null).statusCode()).isEqualTo(200);
        JsonNode entry = json(server.send("GET", "/api/v1/audit?outcome=denied&user=" + busy.userId(), null)).get("items").get(0);
        assertThat(entry.get("status").asInt()).isEqualTo(429);
        assertThat(entry.get("detail").asText()).isEqualTo("rate_limited");
    }

    @Test
    void repeatedFailedAuthenticationsFromOneAddressAreRefusedForAWhile() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", "/api/v1/executions", null, WRONG_KEY).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> blocked = server.send("GET", "/api/v1/executions", null, server.key());
        assertThat(blocked.statusCode()).isEqualTo(429);
        assertThat(json(blocked).get("error").get("message").asText()).contains("too many failed authentications");
        assertThat(Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        assertThat(server.send("POST", "/api/v1/claim", "{\"token\":\"erc_x\"}", null).statusCode()).isEqualTo(429);
        assertThat(server.send("GET", "/api/v1/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void badClaimTokensCountAsFailedAuthentications() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("POST", "/api/v1/claim", "{\"token\":\"erc_guess" + i + "\"}", null).statusCode())
                    .isEqualTo(404);
        }
        assertThat(server.send("POST", "/api/v1/claim", "{\"token\":\"erc_guess\"}", null).statusCode()).isEqualTo(429);
    }

    @Test
    void aMissingKeyIsNotCountedAsAFailedGuess() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(server.send("GET", "/api/v1/executions", null, null).statusCode()).isEqualTo(401);
        }
        assertThat(server.send("GET", "/api/v1/executions", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeTheKeyIsEvenChecked() throws Exception {
        String big = "{\"command\":\"" + "x".repeat(100 * 1024) + "\"}";
        HttpResponse<String> anonymous = server.send("POST", "/api/v1/executions", big, null);
        assertThat(anonymous.statusCode()).isEqualTo(413);
        assertThat(json(anonymous).get("error").get("code").asText()).isEqualTo("payload_too_large");
        assertThat(server.send("POST", "/api/v1/executions", "{\"command\":\"true\"}").statusCode()).isEqualTo(202);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() throws Exception {
        byte[] big = ("{\"command\":\"" + "x".repeat(200 * 1024) + "\"}").getBytes();
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/executions"))
                .header("Authorization", "Bearer " + server.key()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(413);
    }
}
