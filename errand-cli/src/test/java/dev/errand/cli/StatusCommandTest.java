package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @BeforeEach
    void answer() {
        server.on("GET", "/api/v1/executions/" + Fixtures.ID, 200, Fixtures.finishedExecution());
    }

    @Test
    void statusPrintsKeyValueLinesOnStdoutAndNothingOnStderr() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("status", Fixtures.ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).isEqualTo("""
                  ID: %s
                  Status: FAILED
                  Command: make test
                  Image: host
                  Driver: local
                  User: dev@example.com
                  Exit code: 3
                  Reason: exited with code 3
                  Created: 2026-01-02 03:04:05 UTC
                  Started: 2026-01-02 03:04:06 UTC
                  Finished: 2026-01-02 03:05:16 UTC
                  Duration: 1m 10s
                  Timeout: 10m
                  Network: off
                """.formatted(Fixtures.ID));
    }

    @Test
    void aQueuedExecutionShowsItsPlaceInTheQueueAndTheLockItWaitsFor() {
        server.on("GET", "/api/v1/executions/" + Fixtures.ID, 200, Fixtures.queuedForLock());

        CliHarness.Result result = new CliHarness(dir).server(server).run("status", Fixtures.ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("  Status: QUEUED, position 2 in the queue for lock deploy\n")
                .contains("  Lock: deploy\n").contains("  Started: -\n");
    }

    @Test
    void statusSendsTheApiKeyAsABearerTokenToTheExecutionPath() {
        new CliHarness(dir).server(server).run("status", Fixtures.ID);

        StubServer.Recorded request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/api/v1/executions/" + Fixtures.ID);
        assertThat(request.header("Authorization")).isEqualTo("Bearer erk_test");
        assertThat(request.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void statusWithJsonPrintsTheRawObjectIncludingFieldsThisCliDoesNotKnow() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("status", "--json", Fixtures.ID);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("{\"id\":\"" + Fixtures.ID + "\"").contains("\"cost_units\":42").endsWith("}\n");
        assertThat(result.out().lines()).hasSize(1);
    }

    @Test
    void statusRejectsAnIdThatCouldEscapeTheUrlPath() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("status", "../health");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid execution id '../health'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void colourAppearsOnlyOnATerminalAndNotWithNoColor() {
        assertThat(new CliHarness(dir).server(server).tty().run("status", Fixtures.ID).out()).contains("\u001b[");
        assertThat(new CliHarness(dir).server(server).tty().env("NO_COLOR", "1").run("status", Fixtures.ID).out()).doesNotContain("\u001b[");
        assertThat(new CliHarness(dir).server(server).tty().run("status", "--json", Fixtures.ID).out()).doesNotContain("\u001b[");
    }
}
