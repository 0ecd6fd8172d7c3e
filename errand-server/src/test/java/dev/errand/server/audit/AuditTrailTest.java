package dev.errand.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every mutating and every denied request leaves exactly one audit entry with all its fields; reads do not. */
class AuditTrailTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static Account dev;

    @BeforeAll
    static void start() throws Exception {
        dev = TestUsers.create(server, TestUsers.email("dev"), "developer");
    }

    static List<JsonNode> entries(String query) throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/audit?limit=1000" + query, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        TestServer.JSON.readTree(r.body()).get("items").forEach(out::add);
        return out;
    }

    static JsonNode only(String requestId) throws Exception {
        List<JsonNode> found = entries("").stream().filter(e -> e.get("request_id").asText().equals(requestId)).toList();
        assertThat(found).as("entries of " + requestId).hasSize(1);
        return found.getFirst();
    }

    static String requestId(HttpResponse<String> r) {
        return r.headers().firstValue("X-Request-Id").orElseThrow();
    }

    @Test
    void aStateChangeIsRecordedWithWhoWhatWhenWhereAndHow() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"command\":\"true\"}", dev.key());
        String id = TestServer.JSON.readTree(r.body()).get("id").asText();
        JsonNode e = only(requestId(r));
        assertThat(e.get("user").asText()).isEqualTo(dev.email());
        assertThat(e.get("user_id").asText()).isEqualTo(dev.userId());
        assertThat(e.get("key_id").asText()).isEqualTo(dev.keyId());
        assertThat(e.get("role").asText()).isEqualTo("developer");
        assertThat(e.get("action").asText()).isEqualTo("execution.create");
        assertThat(e.get("target").asText()).isEqualTo("execution:" + id);
        assertThat(e.get("outcome").asText()).isEqualTo("ok");
        assertThat(e.get("status").asInt()).isEqualTo(202);
        assertThat(e.get("source").asText()).isEqualTo("127.0.0.1");
        assertThat(Instant.parse(e.get("at").asText())).isBetween(Instant.now().minusSeconds(30), Instant.now());
        assertThat(e.get("hash").asText()).hasSize(64);
        assertThat(e.get("prev_hash").asText()).hasSize(64);
    }

    @Test
    void deniedRequestsAreRecordedWhetherForbiddenHiddenOrUnauthenticated() throws Exception {
        JsonNode forbidden = only(requestId(server.send("GET", "/api/v1/users", null, dev.key())));
        assertThat(forbidden.get("outcome").asText()).isEqualTo("denied");
        assertThat(forbidden.get("status").asInt()).isEqualTo(403);
        assertThat(forbidden.get("action").asText()).isEqualTo("user.list");
        assertThat(forbidden.get("detail").asText()).isEqualTo("forbidden");

        String adminsExecution = TestServer.JSON.readTree(server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\"}").body()).get("id").asText();
        JsonNode hidden = only(requestId(server.send("GET", "/api/v1/executions/" + adminsExecution, null, dev.key())));
        assertThat(hidden.get("outcome").asText()).isEqualTo("denied");
        assertThat(hidden.get("status").asInt()).isEqualTo(404);
        assertThat(hidden.get("target").asText()).isEqualTo("execution:" + adminsExecution);

        JsonNode badKey = only(requestId(server.send("GET", "/api/v1/executions", null,
                "erk_BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB")));
        assertThat(badKey.get("outcome").asText()).isEqualTo("denied");
        assertThat(badKey.get("status").asInt()).isEqualTo(401);
        assertThat(badKey.get("detail").asText()).isEqualTo("invalid_api_key");
        assertThat(badKey.has("user")).isFalse();
    }

    @Test
    void aRefusedLogStreamUpgradeIsRecordedAsDenied() throws Exception {
        String adminsExecution = TestServer.JSON.readTree(server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\"}").body()).get("id").asText();
        var upgrade = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + dev.key()).header("X-Request-Id", "ws-denied-" + adminsExecution)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.server().port() + "/api/v1/executions/"
                        + adminsExecution + "/logs/stream"), new WebSocket.Listener() {});
        assertThatThrownBy(upgrade::join).hasCauseInstanceOf(
                WebSocketHandshakeException.class);
        JsonNode e = only("ws-denied-" + adminsExecution);
        assertThat(e.get("action").asText()).isEqualTo("execution.read");
        assertThat(e.get("outcome").asText()).isEqualTo("denied");
        assertThat(e.get("status").asInt()).isEqualTo(404);
        assertThat(e.get("user").asText()).isEqualTo(dev.email());
    }

    @Test
    void allowedReadsAreNotRecordedButFailedChangesAre() throws Exception {
        String read = requestId(server.send("GET", "/api/v1/executions", null, dev.key()));
        assertThat(entries("").stream().filter(e -> e.get("request_id").asText().equals(read))).isEmpty();
        JsonNode failed = only(requestId(server.send("POST", "/api/v1/executions", "{\"command\":\" \"}", dev.key())));
        assertThat(failed.get("outcome").asText()).isEqualTo("failed");
        assertThat(failed.get("status").asInt()).isEqualTo(400);
        assertThat(failed.get("detail").asText()).isEqualTo("invalid_request");
    }

    @Test
    void theListFiltersByUserActionTargetOutcomeAndTime() throws Exception {
        Account other = TestUsers.create(server, TestUsers.email("filter"), "developer");
        String execution = TestServer.JSON.readTree(server.send("POST", "/api/v1/executions", "{\"command\":\"true\"}",
                other.key()).body()).get("id").asText();
        server.send("GET", "/api/v1/users", null, other.key());

        assertThat(entries("&user=" + enc(other.email()))).extracting(e -> e.get("action").asText())
                .containsExactly("user.list", "execution.create", "claim");
        assertThat(entries("&user=" + other.userId())).hasSize(3);
        assertThat(entries("&user=" + enc(other.email()) + "&outcome=denied")).extracting(e -> e.get("action").asText())
                .containsExactly("user.list");
        assertThat(entries("&target=execution:" + execution)).singleElement()
                .satisfies(e -> assertThat(e.get("user").asText()).isEqualTo(other.email()));
        assertThat(entries("&target=" + execution)).hasSize(1);
        assertThat(entries("&action=user.*")).extracting(e -> e.get("action").asText()).allMatch(a -> a.startsWith("user."));
        assertThat(entries("&action=claim")).isNotEmpty();
        String future = enc(Instant.now().plusSeconds(3600).toString());
        assertThat(entries("&since=" + future)).isEmpty();
        assertThat(entries("&until=" + future + "&user=" + enc(other.email()))).hasSize(3);
        assertThat(server.send("GET", "/api/v1/audit?since=yesterday", null).statusCode()).isEqualTo(400);
        assertThat(server.send("GET", "/api/v1/audit?outcome=maybe", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theListPagesNewestFirstWithACursor() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.send("POST", "/api/v1/keys", "{\"name\":\"page-" + i + "\"}");
        }
        JsonNode first = TestServer.JSON.readTree(server.send("GET", "/api/v1/audit?limit=2", null).body());
        JsonNode second = TestServer.JSON.readTree(server.send("GET", "/api/v1/audit?limit=2&cursor="
                + first.get("next_cursor").asText(), null).body());
        long a = first.get("items").get(0).get("seq").asLong();
        assertThat(first.get("items").get(1).get("seq").asLong()).isEqualTo(a - 1);
        assertThat(second.get("items").get(0).get("seq").asLong()).isEqualTo(a - 2);
    }

    @Test
    void theChainOfALiveServerVerifies() throws Exception {
        JsonNode v = TestServer.JSON.readTree(server.send("GET", "/api/v1/audit/verify", null).body());
        assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("entries").asLong()).isEqualTo(v.get("head_seq").asLong()).isPositive();
        assertThat(v.has("broken")).isFalse();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
