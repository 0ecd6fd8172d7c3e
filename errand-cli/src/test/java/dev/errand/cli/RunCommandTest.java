package dev.errand.cli;

import static dev.errand.cli.ScriptedStream.logs;
import static dev.errand.cli.ScriptedStream.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.LogStream;
import dev.errand.protocol.StreamEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void answer() {
        server.on("POST", "/api/v1/executions", 202, Fixtures.queuedExecution())
                .on("GET", "/api/v1/executions/" + Fixtures.ID, 200, Fixtures.finishedExecution());
    }

    @Test
    void detachedRunSendsTheCommandImageEnvTimeoutAndNetworkAsJson() throws Exception {
        CliHarness.Result result = new CliHarness(dir).server(server)
                .env("ERRAND_USER_REGION", "eu").env("ERRAND_USER_TOKEN", "from-env")
                .run("run", "-d", "-i", "debian", "-e", "TOKEN=from-flag", "--env", "A=b=c", "--timeout", "10m", "--no-network",
                        "make", "test", "-j4");

        assertThat(result.exitCode()).isZero();
        StubServer.Recorded request = server.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isEqualTo("Bearer erk_test");
        assertThat(json.readTree(request.body())).isEqualTo(json.readTree("""
                {"command":"make test -j4","image":"debian","env":{"A":"b=c","REGION":"eu","TOKEN":"from-flag"},
                 "timeout_seconds":600,"network":false}"""));
        assertThat(result.out()).isEqualTo(Fixtures.ID + "\n");
        assertThat(result.err()).contains("→ execution " + Fixtures.ID + " queued (image host)")
                .contains("→ view it at " + server.endpoint() + "/executions/" + Fixtures.ID)
                .contains("→ passing REGION, TOKEN from ERRAND_USER_*");
    }

    @Test
    void optionalFieldsAreLeftOutWhenNotGiven() throws Exception {
        new CliHarness(dir).server(server).run("run", "--detach", "--", "ls", "-la");

        assertThat(json.readTree(server.onlyRequest().body())).isEqualTo(json.readTree("{\"command\":\"ls -la\"}"));
    }

    @Test
    void optionsAfterTheCommandBelongToTheCommand() throws Exception {
        new CliHarness(dir).server(server).run("run", "-d", "grep", "-r", "--json", "x");

        assertThat(json.readTree(server.onlyRequest().body()).path("command").asText()).isEqualTo("grep -r --json x");
    }

    @Test
    void detachedRunWithJsonPrintsTheExecutionObject() throws Exception {
        CliHarness.Result result = new CliHarness(dir).server(server).run("run", "-d", "--json", "true");

        assertThat(json.readTree(result.out()).path("status").asText()).isEqualTo("QUEUED");
    }

    @Test
    void badEnvNamesAndTimeoutsAreUsageErrorsAndSendNothing() {
        CliHarness harness = new CliHarness(dir).server(server);

        assertThat(harness.run("run", "-d", "-e", "1X=y", "true").exitCode()).isEqualTo(2);
        assertThat(harness.run("run", "-d", "-e", "NOVALUE", "true").exitCode()).isEqualTo(2);
        CliHarness.Result badDuration = harness.run("run", "-d", "--timeout", "soon", "true");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("invalid duration 'soon'");
        assertThat(harness.run("run", "-d", "--timeout", "0", "true").err()).contains("--timeout must be between 1s and 7d");
        assertThat(harness.run("run", "-d").exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void anAttachedRunStreamsLinesAndExitsWithTheRemoteExitCode() {
        ScriptedStream stream = new ScriptedStream().connection(
                new StreamConnector.Frame.Event(new StreamEvent.Logs(List.of(
                        ScriptedStream.line(1, LogStream.SYSTEM, "started on local"),
                        ScriptedStream.line(2, LogStream.STDOUT, "compiling"),
                        ScriptedStream.line(3, LogStream.STDERR, "warning: x")))),
                logs(4),
                new StreamConnector.Frame.Event(new StreamEvent.Status(ExecutionStatus.FAILED, 3, "exited with code 3")));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream).run("run", "make", "test");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.out()).isEqualTo("compiling\nline 4\n");
        assertThat(result.err()).contains("[errand] started on local\n").contains("warning: x\n")
                .endsWith("✗ FAILED (exit 3)\n");
    }

    @Test
    void aSuccessfulRunSaysHowLongItTook() {
        ScriptedStream stream = new ScriptedStream().connection(logs(1), status(ExecutionStatus.SUCCEEDED, 0));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream).run("run", "true");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).endsWith("✓ SUCCEEDED in 1m 10s\n");
    }

    @Test
    void aTimedOutRunExits124LikeCoreutilsTimeoutAndSaysWhy() {
        ScriptedStream stream = new ScriptedStream().connection(
                new StreamConnector.Frame.Event(new StreamEvent.Status(ExecutionStatus.TIMED_OUT, 143, "ran past its 10m timeout")));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream).run("run", "sleep 99");

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.err()).endsWith("✗ TIMED_OUT (exit 143): ran past its 10m timeout\n");
    }

    @Test
    void ctrlCDetachesWithAHintAndExits130() {
        AtomicReference<Runnable> ctrlC = new AtomicReference<>();
        Interrupts interrupts = action -> {
            ctrlC.set(action);
            return () -> ctrlC.set(null);
        };
        ScriptedStream stream = new ScriptedStream().connection(logs(1), (Runnable) () -> ctrlC.get().run(), logs(2));

        CliHarness.Result result = new CliHarness(dir).server(server).interrupts(interrupts).streams(session -> stream)
                .run("run", "sleep 99");

        assertThat(result.exitCode()).isEqualTo(130);
        assertThat(result.out()).isEqualTo("line 1\n");
        assertThat(result.err()).contains("detached; execution " + Fixtures.ID + " keeps running. Reattach: errand logs -f "
                + Fixtures.ID + "   Stop it: errand kill " + Fixtures.ID);
        assertThat(ctrlC.get()).as("the interrupt registration is closed afterwards").isNull();
    }

    @Test
    void anAttachedRunWithJsonPrintsTheExecutionThenEachEventAsAJsonLine() throws Exception {
        ScriptedStream stream = new ScriptedStream().connection(logs(1, 2), status(ExecutionStatus.SUCCEEDED, 0));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream).run("run", "--json", "true");

        List<JsonNode> lines = result.out().lines().map(this::parse).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).path("id").asText()).isEqualTo(Fixtures.ID);
        assertThat(lines.get(1).path("type").asText()).isEqualTo("logs");
        assertThat(lines.get(1).path("lines").get(1).path("text").asText()).isEqualTo("line 2");
        assertThat(lines.get(2)).isEqualTo(json.readTree("{\"type\":\"status\",\"status\":\"SUCCEEDED\",\"exit_code\":0}"));
    }

    @Test
    void theWaitTimeoutStopsFollowingAndExits124() {
        ScriptedStream stream = new ScriptedStream().connection(logs(1));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream)
                .run("run", "--wait-timeout", "1s", "sleep 99");

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(result.err()).contains("⚠ stopped waiting after 1.0s; execution " + Fixtures.ID + " keeps running.");
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
