package dev.errand.server.lock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.ErrandServer;
import dev.errand.server.TestServer;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.identity.Role;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Locks end to end: one running execution per lock, queueing with positions, fail-fast, release. */
class LockApiTest {
    @TempDir
    Path dir;

    static String submit(TestServer server, String body, String key) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body, key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return TestServer.JSON.readTree(r.body()).get("id").asText();
    }

    static JsonNode get(TestServer server, String id) throws Exception {
        return TestServer.JSON.readTree(server.send("GET", "/api/v1/executions/" + id, null).body());
    }

    @Test
    void aSecondExecutionWithTheSameLockQueuesWithItsPositionAndRunsAfterTheFirst() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String first = submit(server, "{\"command\":\"sleep 30\",\"lock\":\"deploy\"}", server.key());
            org.awaitility.Awaitility.await().until(() -> get(server, first).get("status").asText().equals("RUNNING"));
            String second = submit(server, "{\"command\":\"echo second\",\"lock\":\"deploy\"}", server.key());
            String third = submit(server, "{\"command\":\"echo third\",\"lock\":\"deploy\"}", server.key());
            String free = submit(server, "{\"command\":\"echo free\",\"lock\":\"other\"}", server.key());
            assertThat(server.awaitTerminal(free).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(get(server, second).get("status").asText()).isEqualTo("QUEUED");
            assertThat(get(server, second).get("queue_position").asInt()).isEqualTo(2);
            assertThat(get(server, third).get("queue_position").asInt()).isEqualTo(3);
            String locks = server.send("GET", "/api/v1/locks", null).body();
            assertThat(locks).contains("\"name\":\"deploy\"").contains(first).contains("\"waiting\":2");

            server.send("POST", "/api/v1/executions/" + first + "/kill", null);
            assertThat(server.awaitTerminal(second).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(server.awaitTerminal(third).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(server.send("GET", "/api/v1/locks", null).body()).doesNotContain("deploy");
        }
    }

    @Test
    void lockModeFailAnswers409AtOnceWhileTheLockIsBusy() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String first = submit(server, "{\"command\":\"sleep 30\",\"lock\":\"tf\"}", server.key());
            HttpResponse<String> r = server.send("POST", "/api/v1/executions",
                    "{\"command\":\"true\",\"lock\":\"tf\",\"lock_mode\":\"fail\"}", server.key());
            assertThat(r.statusCode()).isEqualTo(409);
            assertThat(r.body()).contains("lock 'tf' is held");
            server.send("POST", "/api/v1/executions/" + first + "/kill", null);
            server.awaitTerminal(first);
            String ok = submit(server, "{\"command\":\"true\",\"lock\":\"tf\",\"lock_mode\":\"fail\"}", server.key());
            assertThat(server.awaitTerminal(ok).get("status").asText()).isEqualTo("SUCCEEDED");
        }
    }

    @Test
    void operatorsMayReleaseALockAndDevelopersMayNot() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            String dev = server.keyFor(Role.DEVELOPER, "dev@example.com");
            String ops = server.keyFor(Role.OPERATOR, "ops@example.com");
            String holder = submit(server, "{\"command\":\"sleep 30\",\"lock\":\"db\"}", dev);
            org.awaitility.Awaitility.await().until(() -> get(server, holder).get("status").asText().equals("RUNNING"));
            String waiter = submit(server, "{\"command\":\"echo next\",\"lock\":\"db\"}", dev);
            assertThat(server.send("DELETE", "/api/v1/locks/db", null, dev).statusCode()).isEqualTo(403);
            assertThat(server.send("DELETE", "/api/v1/locks/db", null, ops).statusCode()).isEqualTo(204);
            assertThat(server.awaitTerminal(waiter).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(server.send("DELETE", "/api/v1/locks/db", null, ops).statusCode()).isEqualTo(404);
            server.send("POST", "/api/v1/executions/" + holder + "/kill", null);
        }
    }

    @Test
    void aLockNameWithInvalidCharactersOrABadModeIsA400() throws Exception {
        try (TestServer server = TestServer.start(dir)) {
            HttpResponse<String> r = server.send("POST", "/api/v1/executions", "{\"command\":\"true\",\"lock\":\"a b;rm\"}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(r.body()).contains("lock name 'a b;rm' is not valid");
            assertThat(server.send("POST", "/api/v1/executions", "{\"command\":\"true\",\"lock\":\"a\",\"lock_mode\":\"wait\"}")
                    .body()).contains("lock_mode must be 'queue' or 'fail'");
        }
    }

    @Test
    void aLockHeldByAnExecutionLostInARestartIsReleased() throws Exception {
        String id;
        try (TestServer server = TestServer.start(dir)) {
            id = submit(server, "{\"command\":\"true\",\"lock\":\"x\"}", server.key());
            server.awaitTerminal(id);
            // Simulate a crash while running: the row says RUNNING and the lock is held.
            server.server().database().write(h -> {
                h.execute("UPDATE executions SET status = 'RUNNING' WHERE id = ?", id);
                new JdbiLockStore().acquire(h, "x", id, 1);
                return null;
            });
        }
        try (ErrandServer server = ErrandServer.start(ServerConfig.forDataDir(dir))) {
            assertThat(server.lostOnStart()).isEqualTo(1);
            String status = server.database().read((org.jdbi.v3.core.Handle h) -> h.createQuery(
                    "SELECT status FROM executions WHERE id = :id").bind("id", id).mapTo(String.class).one());
            assertThat(status).isEqualTo("LOST");
            List<LockStore.Held> held = server.database().read((org.jdbi.v3.core.Handle h) -> new JdbiLockStore().list(h));
            assertThat(held).isEmpty();
        }
    }
}
