package dev.errand.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An admin traces a request id to its audit entries, its server log lines and the resources it touched. */
class TraceTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    static Account dev;

    @BeforeAll
    static void start() throws Exception {
        dev = TestUsers.create(server, TestUsers.email("tracee"), "developer");
    }

    static JsonNode trace(String requestId) throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/trace/" + requestId, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return TestServer.JSON.readTree(r.body());
    }

    @Test
    void aTraceShowsTheAuditEntryTheLogLinesAndTheExecutionItCreated() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(server.uri("/api/v1/executions"))
                .header("Authorization", "Bearer " + dev.key()).header("X-Request-Id", "ci-build-4711-step-3")
                .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"echo traced\"}")).build();
        HttpResponse<String> created = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(created.headers().firstValue("X-Request-Id")).contains("ci-build-4711-step-3");
        String id = TestServer.JSON.readTree(created.body()).get("id").asText();

        JsonNode t = trace("ci-build-4711-step-3");
        assertThat(t.get("request_id").asText()).isEqualTo("ci-build-4711-step-3");
        assertThat(t.get("audit")).singleElement().satisfies(e -> {
            assertThat(e.get("action").asText()).isEqualTo("execution.create");
            assertThat(e.get("user").asText()).isEqualTo(dev.email());
        });
        assertThat(t.get("logs").findValuesAsText("message")).anyMatch(m -> m.contains("POST /api/v1/executions -> 202"));
        assertThat(t.get("resources")).singleElement().satisfies(r -> {
            assertThat(r.get("type").asText()).isEqualTo("execution");
            assertThat(r.get("id").asText()).isEqualTo(id);
            assertThat(r.get("summary").asText()).contains(dev.email()).contains("echo traced");
        });
    }

    @Test
    void aTraceOfADeniedRequestShowsTheDenialAndNoResource() throws Exception {
        HttpResponse<String> denied = server.send("POST", "/api/v1/users", "{\"email\":\"x@example.com\",\"role\":\"admin\"}",
                dev.key());
        JsonNode t = trace(denied.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(t.get("audit").get(0).get("outcome").asText()).isEqualTo("denied");
        assertThat(t.get("resources")).isEmpty();
    }

    @Test
    void aTraceOfAUserCreationShowsTheNewUser() throws Exception {
        String email = TestUsers.email("traced-user");
        HttpResponse<String> r = server.send("POST", "/api/v1/users", "{\"email\":\"" + email + "\",\"role\":\"viewer\"}");
        JsonNode t = trace(r.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(t.get("resources").get(0).get("type").asText()).isEqualTo("user");
        assertThat(t.get("resources").get(0).get("summary").asText()).isEqualTo(email + ", viewer, pending");
    }

    @Test
    void anUnknownRequestIdIs404AndOnlyAdminsMayTrace() throws Exception {
        assertThat(server.send("GET", "/api/v1/trace/req_nothing_here_at_all", null).statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/trace/ci-build-4711-step-3", null, dev.key()).statusCode()).isEqualTo(403);
    }
}
