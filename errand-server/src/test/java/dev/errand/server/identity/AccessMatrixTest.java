package dev.errand.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.errand.protocol.ApiPaths;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route, called by every role, on the caller's own resource and on someone else's, answers
 * exactly the status in {@link #MATRIX}. Columns: admin, operator, developer, viewer; each cell
 * is "own other". Ownership matters only for {ex} and {key}; {user} is a fresh account each time;
 * {name} is a secret, image or lock that does not exist, and bodies are empty where one is needed, so
 * a role that may act gets 404 or 400 (the request reached the handler) and one that may not gets 403.
 */
class AccessMatrixTest {
    static final List<String> ROLES = List.of("admin", "operator", "developer", "viewer");
    static final List<String> MATRIX = List.of(
            "GET  /api/v1/health                         | 200 200 | 200 200 | 200 200 | 200 200",
            "POST /api/v1/executions                     | 202 202 | 202 202 | 202 202 | 403 403",
            "GET  /api/v1/executions                     | 200 200 | 200 200 | 200 200 | 200 200",
            "GET  /api/v1/executions/{ex}                | 200 200 | 200 200 | 200 404 | 200 200",
            "GET  /api/v1/executions/{ex}/logs           | 200 200 | 200 200 | 200 404 | 200 200",
            "WS   /api/v1/executions/{ex}/logs/stream    | 101 101 | 101 101 | 101 404 | 101 101",
            "POST /api/v1/executions/{ex}/kill           | 200 200 | 200 200 | 200 404 | 403 403",
            "POST /api/v1/playbooks/render               | 200 200 | 200 200 | 200 200 | 403 403",
            "POST /api/v1/users                          | 201 201 | 403 403 | 403 403 | 403 403",
            "GET  /api/v1/users                          | 200 200 | 200 200 | 403 403 | 403 403",
            "GET  /api/v1/users/{user}                   | 200 200 | 200 200 | 403 403 | 403 403",
            "POST /api/v1/users/{user}/revoke            | 200 200 | 403 403 | 403 403 | 403 403",
            "PUT  /api/v1/users/{user}/role              | 200 200 | 403 403 | 403 403 | 403 403",
            "POST /api/v1/users/{user}/claim-tokens      | 201 201 | 403 403 | 403 403 | 403 403",
            "POST /api/v1/claim                          | 201 201 | 201 201 | 201 201 | 201 201",
            "POST /api/v1/keys                           | 201 201 | 201 201 | 201 201 | 201 201",
            "GET  /api/v1/keys                           | 200 200 | 200 200 | 200 200 | 200 200",
            "POST /api/v1/keys/{key}/revoke              | 200 200 | 200 404 | 200 404 | 200 404",
            "GET  /api/v1/audit                          | 200 200 | 403 403 | 403 403 | 403 403",
            "GET  /api/v1/audit/verify                   | 200 200 | 403 403 | 403 403 | 403 403",
            "GET  /api/v1/audit/export                   | 200 200 | 403 403 | 403 403 | 403 403",
            "GET  /api/v1/trace/{rid}                    | 200 200 | 403 403 | 403 403 | 403 403",
            "POST /api/v1/secrets                        | 400 400 | 400 400 | 403 403 | 403 403",
            "GET  /api/v1/secrets                        | 200 200 | 200 200 | 200 200 | 200 200",
            "GET  /api/v1/secrets/{name}                 | 404 404 | 404 404 | 404 404 | 404 404",
            "GET  /api/v1/secrets/{name}/value           | 404 404 | 403 403 | 403 403 | 403 403",
            "PUT  /api/v1/secrets/{name}                 | 400 400 | 400 400 | 403 403 | 403 403",
            "DELETE /api/v1/secrets/{name}               | 404 404 | 404 404 | 403 403 | 403 403",
            "GET  /api/v1/images                         | 200 200 | 200 200 | 200 200 | 200 200",
            "POST /api/v1/images                         | 400 400 | 400 400 | 403 403 | 403 403",
            "GET  /api/v1/images/{name}                  | 404 404 | 404 404 | 404 404 | 404 404",
            "PUT  /api/v1/images/{name}                  | 400 400 | 400 400 | 403 403 | 403 403",
            "DELETE /api/v1/images/{name}                | 404 404 | 404 404 | 403 403 | 403 403",
            "POST /api/v1/images/{name}/default          | 404 404 | 404 404 | 403 403 | 403 403",
            "POST /api/v1/images/{name}/build            | 400 400 | 400 400 | 403 403 | 403 403",
            "POST /api/v1/images/import                  | 400 400 | 400 400 | 403 403 | 403 403",
            "POST /api/v1/images/prune                   | 200 200 | 200 200 | 403 403 | 403 403",
            "GET  /api/v1/locks                          | 200 200 | 200 200 | 200 200 | 200 200",
            "DELETE /api/v1/locks/{name}                 | 404 404 | 404 404 | 403 403 | 403 403",
            "GET  /api/v1/usage                          | 200 200 | 200 200 | 200 200 | 200 200",
            "POST /api/v1/session                        | 201 201 | 201 201 | 201 201 | 201 201",
            "GET  /api/v1/session                        | 400 400 | 400 400 | 400 400 | 400 400",
            "DELETE /api/v1/session                      | 400 400 | 400 400 | 400 400 | 400 400",
            "POST /api/v1/execute                        | 400 400 | 400 400 | 400 400 | 403 403",
            "POST /api/v1/execute/batch                  | 400 400 | 400 400 | 400 400 | 403 403",
            "GET  /api/v1/execute/{name}                 | 404 404 | 404 404 | 404 404 | 404 404",
            "GET  /api/v1/languages                      | 200 200 | 200 200 | 200 200 | 200 200",
            "POST /api/v1/languages/install              | 400 400 | 403 403 | 403 403 | 403 403");

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static final Map<String, Account> callers = new LinkedHashMap<>();
    static final Map<String, String> executions = new LinkedHashMap<>();
    static Account other;
    static String tracedRequest;

    @BeforeAll
    static void start() throws Exception {
        String adminId = TestServer.JSON.readTree(server.send("GET", "/api/v1/keys", null).body())
                .get("items").get(0).get("user_id").asText();
        callers.put("admin", new Account(adminId, "admin@localhost", server.key(), null));
        callers.put("operator", TestUsers.create(server, TestUsers.email("operator"), "operator"));
        callers.put("developer", TestUsers.create(server, TestUsers.email("developer"), "developer"));
        callers.put("viewer", TestUsers.create(server, TestUsers.email("viewer"), "developer"));
        other = TestUsers.create(server, TestUsers.email("other"), "developer");
        for (Map.Entry<String, Account> c : callers.entrySet()) {
            HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"command\":\"echo mine\"}", c.getValue().key());
            executions.put(c.getKey(), TestServer.JSON.readTree(r.body()).get("id").asText());
            if (c.getKey().equals("admin")) {
                tracedRequest = r.headers().firstValue("X-Request-Id").orElseThrow();
            }
        }
        executions.put("other", TestServer.JSON.readTree(server.send("POST", "/api/v1/executions",
                "{\"command\":\"echo theirs\"}", other.key()).body()).get("id").asText());
        // The viewer ran its execution as a developer; now it only reads.
        assertThat(server.send("PUT", "/api/v1/users/" + callers.get("viewer").userId() + "/role", "{\"role\":\"viewer\"}")
                .statusCode()).isEqualTo(200);
        for (String id : executions.values()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> TestServer.JSON.readTree(
                    server.send("GET", "/api/v1/executions/" + id, null).body()).get("status").asText(),
                    s -> !List.of("QUEUED", "STARTING", "RUNNING").contains(s));
        }
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (String line : MATRIX) {
            String[] parts = line.split("\\|");
            String[] route = parts[0].trim().split("\\s+");
            for (int r = 0; r < ROLES.size(); r++) {
                String[] codes = parts[r + 1].trim().split("\\s+");
                out.add(Arguments.of(route[0], route[1], ROLES.get(r), "own", Integer.parseInt(codes[0])));
                out.add(Arguments.of(route[0], route[1], ROLES.get(r), "other", Integer.parseInt(codes[1])));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} as {2} on {3} resource -> {4}")
    @MethodSource("cells")
    void everyRouteAnswersEveryRoleExactlyAsTheMatrixSays(String method, String route, String role, String owner,
            int expected) throws Exception {
        Account caller = callers.get(role);
        String path = resolve(route, role, owner);
        int status = method.equals("WS") ? upgrade(path, caller.key()) : server.send(method, path, body(method, route),
                caller.key()).statusCode();
        assertThat(status).as(method + " " + path + " as " + role).isEqualTo(expected);
    }

    @Test
    void everyRouteExceptHealthAndClaimRefusesACallerWithoutAKey() throws Exception {
        for (String line : MATRIX) {
            String[] route = line.split("\\|")[0].trim().split("\\s+");
            if (route[1].equals(ApiPaths.HEALTH) || route[1].equals(ApiPaths.CLAIM)) {
                continue;
            }
            String path = resolve(route[1], "admin", "own");
            int status = route[0].equals("WS") ? upgrade(path, null) : server.send(route[0], path, body(route[0], route[1]), null)
                    .statusCode();
            assertThat(status).as(route[0] + " " + route[1]).isEqualTo(401);
        }
    }

    @Test
    void theMatrixCoversEveryPathOfTheApi() throws Exception {
        List<String> covered = MATRIX.stream().map(l -> l.split("\\|")[0].trim().split("\\s+")[1]
                .replaceAll("\\{[a-z]+}", "{}")).toList();
        for (Field f : ApiPaths.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class
                    && ((String) f.get(null)).startsWith(ApiPaths.BASE + "/")) {
                String path = ((String) f.get(null)).replaceAll("\\{[a-z_]+}", "{}");
                assertThat(covered).as("ApiPaths." + f.getName()).contains(path);
            }
        }
    }

    private static String resolve(String route, String role, String owner) throws Exception {
        String path = route;
        if (path.contains("{ex}")) {
            path = path.replace("{ex}", executions.get(owner.equals("own") ? role : "other"));
        }
        if (path.contains("{key}")) {
            path = path.replace("{key}", TestUsers.newKey(server, owner.equals("own") ? callers.get(role) : other).keyId());
        }
        if (path.contains("{user}")) {
            path = path.replace("{user}", TestServer.JSON.readTree(TestUsers.invite(server, TestUsers.email("target"),
                    "developer").toString()).get("user").get("id").asText());
        }
        // {name}: a secret, image or lock that does not exist; allowed roles then get 404, others 403.
        return path.replace("{rid}", tracedRequest).replace("{name}", "matrix-missing");
    }

    private static String body(String method, String route) throws Exception {
        return switch (route) {
            case "/api/v1/executions" -> method.equals("POST") ? "{\"command\":\"true\"}" : null;
            case "/api/v1/playbooks/render" -> "{\"yaml\":\"script: echo hi\\n\"}";
            case "/api/v1/users" -> method.equals("POST")
                    ? "{\"email\":\"" + TestUsers.email("new") + "\",\"role\":\"viewer\"}" : null;
            case "/api/v1/users/{user}/role" -> "{\"role\":\"operator\"}";
            case "/api/v1/claim" -> "{\"token\":\"" + TestUsers.invite(server, TestUsers.email("claimer"), "viewer")
                    .get("claim_token").asText() + "\"}";
            case "/api/v1/keys" -> method.equals("POST") ? "{\"name\":\"matrix-" + System.nanoTime() + "\"}" : null;
            default -> null;
        };
    }

    private static int upgrade(String path, String key) throws Exception {
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        try {
            WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + server.server().port() + path),
                    new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
            ws.abort();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }
}
