package dev.errand.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogPage;
import dev.errand.protocol.LogStream;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.TestServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The executions API end to end: real server, real SQLite, real bubblewrap sandboxes, real WebSockets. */
class ExecutionApiTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static ExecutionView submit(String json) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.headers().firstValue("Location")).isPresent();
        return TestServer.JSON.readValue(r.body(), ExecutionView.class);
    }

    static ExecutionView awaitTerminal(String id) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).until(() -> {
            HttpResponse<String> r = server.send("GET", "/api/v1/executions/" + id, null);
            return TestServer.JSON.readValue(r.body(), ExecutionView.class);
        }, v -> v.status().terminal());
    }

    static List<LogLine> logs(String id) throws Exception {
        HttpResponse<String> r = server.send("GET", "/api/v1/executions/" + id + "/logs?limit=10000", null);
        return TestServer.JSON.readValue(r.body(), LogPage.class).lines();
    }

    @Test
    void aCommandRunsInASandboxAndItsOutputIsStored() throws Exception {
        ExecutionView created = submit("{\"command\":\"echo out; echo err >&2; echo $ERRAND_EXECUTION_ID; hostname\"}");
        assertThat(created.status()).isEqualTo(ExecutionStatus.QUEUED);
        assertThat(created.image()).isEqualTo("host");
        assertThat(created.streamUrl()).isEqualTo("/api/v1/executions/" + created.id() + "/logs/stream");
        ExecutionView done = awaitTerminal(created.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.exitCode()).isZero();
        assertThat(done.startedAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.startedAt());
        List<LogLine> lines = logs(created.id());
        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDOUT).extracting(LogLine::text)
                .contains("out", created.id());
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDERR).extracting(LogLine::text).containsExactly("err");
        assertThat(lines).extracting(LogLine::text).anyMatch(t -> t.startsWith("errand-"));
    }

    @Test
    void theEnvironmentIsExactlyTheRequestsPlusTheImageDefaults() throws Exception {
        ExecutionView e = submit("{\"command\":\"env | sort\",\"env\":{\"GREETING\":\"hello world\"}}");
        awaitTerminal(e.id());
        List<String> env = logs(e.id()).stream().map(LogLine::text).toList();
        assertThat(env).contains("GREETING=hello world", "ERRAND_EXECUTION_ID=" + e.id(), "HOME=/work");
        assertThat(env).noneMatch(l -> l.startsWith("JAVA_HOME=") || l.startsWith("MAVEN_") || l.startsWith("USER="));
    }

    @Test
    void aFailingCommandEndsFailedWithItsExitCode() throws Exception {
        ExecutionView done = awaitTerminal(submit("{\"command\":\"exit 3\"}").id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.exitCode()).isEqualTo(3);
    }

    @Test
    void aMissingBinaryEndsFailedWith127AndAnExplanation() throws Exception {
        ExecutionView e = submit("{\"command\":\"no-such-binary-xyz --flag\"}");
        ExecutionView done = awaitTerminal(e.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.exitCode()).isEqualTo(127);
        assertThat(done.reason()).isEqualTo("command not found");
        List<LogLine> lines = logs(e.id());
        assertThat(lines).anyMatch(l -> l.stream() == LogStream.STDERR && l.text().contains("no-such-binary-xyz"));
        assertThat(lines).anyMatch(l -> l.stream() == LogStream.SYSTEM && l.text().contains("127"));
    }

    @Test
    void theTimeoutIsEnforcedByTheServer() throws Exception {
        ExecutionView e = submit("{\"command\":\"echo start; sleep 60\",\"timeout_seconds\":1}");
        ExecutionView done = awaitTerminal(e.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(done.reason()).contains("timed out after 1s");
        assertThat(Duration.between(done.startedAt(), done.finishedAt())).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void killStopsARunningExecutionAndIsIdempotent() throws Exception {
        ExecutionView e = submit("{\"command\":\"echo ready; sleep 60\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> logs(e.id()).size() >= 1);
        HttpResponse<String> kill = server.send("POST", "/api/v1/executions/" + e.id() + "/kill", null);
        assertThat(kill.statusCode()).isEqualTo(202);
        ExecutionView done = awaitTerminal(e.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(done.reason()).isEqualTo("killed by admin@localhost");
        HttpResponse<String> again = server.send("POST", "/api/v1/executions/" + e.id() + "/kill", null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(TestServer.JSON.readValue(again.body(), ExecutionView.class).status()).isEqualTo(ExecutionStatus.STOPPED);
    }

    @Test
    void theStreamSendsBacklogThenLiveLinesThenOneStatusThenCloses() throws Exception {
        ExecutionView e = submit("{\"command\":\"for i in 1 2 3 4 5; do echo line$i; sleep 0.1; done; exit 4\"}");
        TestServer.Frames frames = server.follow(e.id(), 1);
        List<String> texts = frames.all(Duration.ofSeconds(30));
        List<LogLine> lines = new ArrayList<>();
        StreamEvent.Status status = null;
        for (String t : texts) {
            StreamEvent ev = TestServer.JSON.readValue(t, StreamEvent.class);
            switch (ev) {
                case StreamEvent.Logs l -> {
                    assertThat(status).as("no lines after the status").isNull();
                    lines.addAll(l.lines());
                }
                case StreamEvent.Status s -> status = s;
                case StreamEvent.Error err -> throw new AssertionError(err.message());
            }
        }
        assertThat(lines).extracting(LogLine::text).containsExactly("line1", "line2", "line3", "line4", "line5");
        assertThat(lines).extracting(LogLine::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(status).isEqualTo(new StreamEvent.Status(ExecutionStatus.FAILED, 4, null));
    }

    @Test
    void aStreamOpenedAfterTheEndReplaysFromTheRequestedSequence() throws Exception {
        ExecutionView e = submit("{\"command\":\"seq 1 3000\"}");
        awaitTerminal(e.id());
        List<LogLine> lines = new ArrayList<>();
        for (String t : server.follow(e.id(), 1001).all(Duration.ofSeconds(30))) {
            if (TestServer.JSON.readValue(t, StreamEvent.class) instanceof StreamEvent.Logs l) {
                lines.addAll(l.lines());
            }
        }
        assertThat(lines).hasSize(2000);
        assertThat(lines.getFirst().text()).isEqualTo("1001");
        assertThat(lines.getLast().text()).isEqualTo("3000");
    }

    @Test
    void logsPageBySequenceAndServePlainText() throws Exception {
        ExecutionView e = submit("{\"command\":\"seq 1 25\"}");
        awaitTerminal(e.id());
        HttpResponse<String> page = server.send("GET", "/api/v1/executions/" + e.id() + "/logs?from_seq=11&limit=10", null);
        LogPage p = TestServer.JSON.readValue(page.body(), LogPage.class);
        assertThat(p.lines()).extracting(LogLine::text).containsExactly("11", "12", "13", "14", "15", "16", "17", "18", "19", "20");
        assertThat(p.nextSeq()).isEqualTo(21);
        assertThat(p.complete()).isFalse();
        LogPage last = TestServer.JSON.readValue(server.send("GET", "/api/v1/executions/" + e.id()
                + "/logs?from_seq=21&limit=10", null).body(), LogPage.class);
        assertThat(last.complete()).isTrue();
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/executions/" + e.id()
                + "/logs?limit=3")).header("Authorization", "Bearer " + server.key()).header("Accept", "text/plain").build();
        String text = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
        assertThat(text).isEqualTo("1\n2\n3\n");
    }

    @Test
    void listIsNewestFirstWithStatusFilterAndCursor() throws Exception {
        ExecutionView a = submit("{\"command\":\"true\"}");
        ExecutionView b = submit("{\"command\":\"false\"}");
        awaitTerminal(a.id());
        awaitTerminal(b.id());
        JsonNode page = TestServer.JSON.readTree(server.send("GET", "/api/v1/executions?limit=1", null).body());
        assertThat(page.get("items")).hasSize(1);
        String cursor = page.get("next_cursor").asText();
        JsonNode next = TestServer.JSON.readTree(server.send("GET", "/api/v1/executions?limit=1&cursor=" + cursor, null).body());
        assertThat(next.get("items").get(0).get("id").asText()).isLessThan(cursor);
        JsonNode failed = TestServer.JSON.readTree(server.send("GET", "/api/v1/executions?status=failed&limit=1000", null).body());
        assertThat(failed.get("items")).allMatch(n -> n.get("status").asText().equals("FAILED"));
        assertThat(failed.get("items").findValuesAsText("id")).contains(b.id()).doesNotContain(a.id());
    }

    @Test
    void networkOffLeavesOnlyLoopback() throws Exception {
        ExecutionView e = submit("{\"command\":\"cat /proc/net/dev | tail -n +3 | cut -d: -f1\",\"network\":false}");
        awaitTerminal(e.id());
        assertThat(logs(e.id())).extracting(l -> l.text().trim()).containsExactly("lo");
    }

    @Test
    void theStreamIsAlsoServedAsServerSentEvents() throws Exception {
        ExecutionView e = submit("{\"command\":\"echo a; echo b\"}");
        java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/executions/" + e.id()
                + "/logs/stream")).header("Authorization", "Bearer " + server.key()).header("Accept", "text/event-stream").build();
        HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<StreamEvent> events = new ArrayList<>();
        for (String block : r.body().split("\n\n")) {
            if (block.startsWith("data: ")) {
                events.add(TestServer.JSON.readValue(block.substring(6), StreamEvent.class));
            }
        }
        assertThat(events.getLast()).isEqualTo(new StreamEvent.Status(ExecutionStatus.SUCCEEDED, 0, null));
        assertThat(events.stream().filter(ev -> ev instanceof StreamEvent.Logs)
                .flatMap(ev -> ((StreamEvent.Logs) ev).lines().stream()).map(LogLine::text)).containsExactly("a", "b");
    }
}
