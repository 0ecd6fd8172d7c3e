package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KillCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void killPostsToTheKillPathAndSaysTheKillWasRequested() {
        server.on("POST", "/api/v1/executions/ex_2/kill", 202, Fixtures.execution("ex_2", "RUNNING", "sleep 100", null));

        CliHarness.Result result = new CliHarness(dir).server(server).run("kill", "ex_2");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("→ kill requested for ex_2\n");
        assertThat(server.onlyRequest().method()).isEqualTo("POST");
    }

    @Test
    void killingAFinishedExecutionIsNotAnError() {
        server.on("POST", "/api/v1/executions/ex_1/kill", 200, Fixtures.execution("ex_1", "SUCCEEDED", "true", 0));

        CliHarness.Result result = new CliHarness(dir).server(server).run("kill", "ex_1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEqualTo("→ execution ex_1 already finished (SUCCEEDED)\n");
    }

    @Test
    void killWithWaitPollsUntilTheExecutionIsTerminal() {
        AtomicInteger polls = new AtomicInteger();
        server.on("POST", "/api/v1/executions/ex_2/kill", 202, Fixtures.execution("ex_2", "RUNNING", "sleep 100", null))
                .on("GET", "/api/v1/executions/ex_2", request -> StubServer.Reply.json(200, polls.incrementAndGet() < 2
                        ? Fixtures.execution("ex_2", "RUNNING", "sleep 100", null)
                        : Fixtures.execution("ex_2", "STOPPED", "sleep 100", 143)));

        CliHarness.Result result = new CliHarness(dir).server(server).run("kill", "--wait", "ex_2");

        assertThat(result.exitCode()).isZero();
        assertThat(polls).hasValue(2);
        assertThat(result.err()).endsWith("✓ execution ex_2 STOPPED (exit 143)\n");
    }

    @Test
    void killingAnUnknownExecutionExitsWithTheNotFoundCode() {
        server.on("POST", "/api/v1/executions/ex_9/kill", 404, Fixtures.error("not_found", "no execution ex_9"));

        CliHarness.Result result = new CliHarness(dir).server(server).run("kill", "ex_9");

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).isEqualTo("error: no execution ex_9 (code not_found, request req_42)\n");
    }
}
