package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void tracePrintsTheAuditEntriesTheServerLogAndTheResources() {
        server.on("GET", "/api/v1/trace/req_7", 200, """
                {"request_id":"req_7","audit":[%s],
                 "logs":[{"at":"2026-01-02T03:04:05.120Z","level":"INFO","logger":"errand.http",
                          "message":"POST /api/v1/executions -> 202 (alice@example.com, 3.1 ms)"}],
                 "resources":[{"type":"execution","id":"ex_1","action":"execution.create","summary":"SUCCEEDED (exit 0), alice@example.com: make"}]}
                """.formatted(IdentityFixtures.entry(7, "execution.create", "ok")));

        CliHarness.Result r = new CliHarness(dir).server(server).run("trace", "req_7");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Request req_7").contains("Audit entries").contains("execution.create")
                .contains("Server log").contains("2026-01-02T03:04:05.120Z  INFO  errand.http  POST /api/v1/executions -> 202")
                .contains("Resources created or changed")
                .contains("execution  ex_1  execution.create  SUCCEEDED (exit 0), alice@example.com: make");
    }

    @Test
    void aTraceWithNothingKeptSaysWhy() {
        server.on("GET", "/api/v1/trace/req_8", 200, "{\"request_id\":\"req_8\",\"audit\":[],\"logs\":[],\"resources\":[]}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("trace", "req_8");

        assertThat(r.out()).contains("(none: reads that were allowed are not audited)").contains("(none kept");
    }

    @Test
    void anUnknownRequestExitsFour() {
        server.on("GET", "/api/v1/trace/req_9", 404, Fixtures.error("not_found", "nothing recorded for request 'req_9'"));

        assertThat(new CliHarness(dir).server(server).run("trace", "req_9").exitCode()).isEqualTo(4);
    }
}
