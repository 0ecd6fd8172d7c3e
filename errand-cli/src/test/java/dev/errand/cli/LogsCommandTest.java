package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.ExecutionStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class LogsCommandTest {
    private static final String LOGS = "/api/v1/executions/ex_1/logs";

    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @BeforeEach
    void answer() {
        server.on("GET", LOGS, request -> StubServer.Reply.json(200, switch (request.query()) {
            case "from_seq=1&limit=1000" -> page(3, false, line(1, "STDOUT", "one"), line(2, "STDERR", "two"));
            case "from_seq=3&limit=1000" -> page(5, true, line(3, "SYSTEM", "exited with code 0"), line(4, "STDOUT", "four"));
            default -> throw new AssertionError("unexpected query " + request.query());
        }));
    }

    @Test
    void logsPagesThroughUntilThePageSaysComplete() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("logs", "ex_1");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("one\nfour\n");
        assertThat(result.err()).isEqualTo("two\n[errand] exited with code 0\n");
        assertThat(server.requests()).extracting(StubServer.Recorded::query)
                .containsExactly("from_seq=1&limit=1000", "from_seq=3&limit=1000");
    }

    @Test
    void logsStopsAtAnEmptyPageAndSaysTheExecutionIsStillRunning() {
        server.on("GET", LOGS, request -> StubServer.Reply.json(200, request.query().startsWith("from_seq=1&")
                ? page(2, false, line(1, "STDOUT", "one")) : page(2, false)));

        CliHarness.Result result = new CliHarness(dir).server(server).run("logs", "ex_1");

        assertThat(result.out()).isEqualTo("one\n");
        assertThat(result.err()).isEqualTo("→ execution ex_1 is still running; follow it with: errand logs -f ex_1 --from 2\n");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void timestampsPrefixEachLineWithItsUtcTime() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("logs", "--timestamps", "ex_1");

        assertThat(result.out()).startsWith("2026-01-02T03:04:06.500Z one\n");
    }

    @Test
    void logsWithJsonPrintsOneLineObjectPerLogLine() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("logs", "--json", "ex_1");

        assertThat(result.out().lines().toList()).hasSize(4)
                .first().isEqualTo("{\"seq\":1,\"ts\":\"2026-01-02T03:04:06.500Z\",\"stream\":\"STDOUT\",\"text\":\"one\"}");
    }

    @Test
    void followingStreamsFromTheRequestedLineAndExitsWithTheRemoteCode() {
        ScriptedStream stream = new ScriptedStream().connection(ScriptedStream.logs(7, 8), ScriptedStream.status(ExecutionStatus.FAILED, 42));

        CliHarness.Result result = new CliHarness(dir).server(server).streams(session -> stream).run("logs", "-f", "--from", "7", "ex_1");

        assertThat(result.exitCode()).isEqualTo(42);
        assertThat(result.out()).isEqualTo("line 7\nline 8\n");
        assertThat(stream.fromSeqs()).containsExactly(7L);
    }

    private static String page(long nextSeq, boolean complete, String... lines) {
        return "{\"lines\":[" + String.join(",", lines) + "],\"next_seq\":" + nextSeq + ",\"complete\":" + complete + "}";
    }

    private static String line(long seq, String stream, String text) {
        return "{\"seq\":%d,\"ts\":\"2026-01-02T03:04:0%d.500Z\",\"stream\":\"%s\",\"text\":\"%s\"}".formatted(seq, 5 + seq, stream, text);
    }
}
