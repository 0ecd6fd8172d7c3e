package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ListCommandTest {
    private static final String PAGE = """
            {"items":[%s,%s],"next_cursor":"c_2"}""".formatted(
            Fixtures.execution("ex_2", "RUNNING", "sleep 100", null),
            Fixtures.execution("ex_1", "SUCCEEDED", "echo a very long command line that goes on and on and on", 0));

    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @BeforeEach
    void answer() {
        server.on("GET", "/api/v1/executions", 200, PAGE);
    }

    @Test
    void listPrintsATableWithCommandsCutTo40CharactersAndTheNextPageHintOnStderr() {
        // The fixtures started at 03:04:06: the running one has run for 1h 2m.
        Clock now = Clock.fixed(Instant.parse("2026-01-02T04:06:06Z"), ZoneOffset.UTC);
        CliHarness.Result result = new CliHarness(dir).server(server).clock(now).run("list");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines().toList()).hasSize(3);
        assertThat(result.out()).startsWith("ID    STATUS     EXIT  COMMAND                                   USER             CREATED              DURATION  COST\n");
        assertThat(result.out()).contains("ex_1  SUCCEEDED  0     echo a very long command line that goes…  dev@example.com  2026-01-02 03:04:05  2.3s      -\n");
        assertThat(result.out()).contains("ex_2  RUNNING    -     sleep 100                                 dev@example.com  2026-01-02 03:04:05  1h 2m…    -\n");
        assertThat(result.err()).isEqualTo("→ next page: errand list --cursor c_2\n");
        assertThat(server.onlyRequest().query()).isEqualTo("limit=20");
    }

    @Test
    void statusFilterIsCaseInsensitiveAndSentUpperCaseWithLimitAndCursor() {
        CliHarness.Result result = new CliHarness(dir).server(server)
                .run("list", "--status", "running, queued", "--limit", "5", "--cursor", "a b/c");

        assertThat(result.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("limit=5&status=RUNNING,QUEUED&cursor=a+b%2Fc");
        assertThat(result.err()).contains("next page: errand list --status RUNNING,QUEUED --limit 5 --cursor c_2");
    }

    @Test
    void anUnknownStatusIsAUsageErrorCaughtBeforeAnyRequest() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("list", "--status", "RUNNING,DONE");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("unknown status 'DONE' in --status: expected any of QUEUED, STARTING, RUNNING,"
                + " SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theLimitMustBeBetweenOneAndAThousand() {
        CliHarness harness = new CliHarness(dir).server(server);

        assertThat(harness.run("list", "--limit", "0").exitCode()).isEqualTo(2);
        assertThat(harness.run("list", "--limit", "1001").err()).contains("--limit must be between 1 and 1000, got 1001");
        assertThat(harness.run("list", "--limit", "many").exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void listWithJsonPrintsTheRawPage() {
        CliHarness.Result result = new CliHarness(dir).server(server).run("list", "--json");

        assertThat(result.out()).startsWith("{\"items\":[{\"id\":\"ex_2\"").endsWith("\"next_cursor\":\"c_2\"}\n");
    }

    @Test
    void aQueuedExecutionShowsItsPlaceInTheQueueInTheStatusColumn() {
        server.on("GET", "/api/v1/executions", 200, "{\"items\":[" + Fixtures.queuedForLock() + "]}");

        CliHarness.Result result = new CliHarness(dir).server(server).run("list");

        assertThat(result.out().lines().toList().get(1)).startsWith(Fixtures.ID + "  QUEUED #2  -     make deploy");
    }

    @Test
    void anEmptyPageSaysSoOnStderrAndPrintsNothingOnStdout() {
        server.on("GET", "/api/v1/executions", 200, "{\"items\":[]}");

        CliHarness.Result result = new CliHarness(dir).server(server).run("list");

        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("→ no executions found\n");
    }

    @Test
    void theHeaderIsBoldOnATerminal() {
        CliHarness.Result result = new CliHarness(dir).server(server).tty().run("list");

        assertThat(result.out()).startsWith("\u001b[1mID    STATUS");
    }
}
