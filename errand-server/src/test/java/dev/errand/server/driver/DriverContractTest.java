package dev.errand.server.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every driver must do, through the real API: exit codes, output streams, environment,
 * work directory, kill (SIGTERM, grace, SIGKILL), timeout, a missing program, network off.
 * Each driver's subclass starts a server and names an image that driver runs (with busybox or
 * the host's tools).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DriverContractTest {
    @TempDir
    static Path dir;
    TestServer server;
    String image;

    /** Starts the server under test in {@code dir}. */
    abstract TestServer startServer(Path dir) throws Exception;

    /** @return the image whose executions the driver under test runs */
    abstract String image(TestServer server, Path dir) throws Exception;

    @BeforeAll
    void start() throws Exception {
        server = startServer(dir);
        image = image(server, dir);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    ExecutionView run(String command, String extra) throws Exception {
        String json = "{\"image\":\"" + image + "\",\"command\":" + TestServer.JSON.writeValueAsString(command)
                + (extra.isEmpty() ? "" : "," + extra) + "}";
        return server.awaitView(server.submit(json).id());
    }

    List<String> texts(String id, LogStream stream) throws Exception {
        return server.logs(id).stream().filter(l -> l.stream() == stream).map(LogLine::text).toList();
    }

    @Test
    void theExitCodeDecidesTheStatus() throws Exception {
        assertThat(run("true", "").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        ExecutionView failed = run("exit 3", "");
        assertThat(failed.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
    }

    @Test
    void stdoutAndStderrAreStoredAsSeparateStreamsInOrder() throws Exception {
        ExecutionView e = run("echo out1; echo err1 >&2; echo out2", "");
        assertThat(texts(e.id(), LogStream.STDOUT)).containsExactly("out1", "out2");
        assertThat(texts(e.id(), LogStream.STDERR)).containsExactly("err1");
    }

    @Test
    void outputIsStreamedWhileTheCommandRuns() throws Exception {
        ExecutionView e = server.submit("{\"image\":\"" + image + "\",\"command\":\"echo first; sleep 3; echo second\"}");
        TestServer.Frames frames = server.follow(e.id(), 1);
        String first = frames.next(Duration.ofSeconds(2));
        assertThat(first).as("a frame within 2 s").isNotNull();
        assertThat(TestServer.JSON.readValue(first, StreamEvent.class)).isInstanceOf(StreamEvent.Logs.class);
        assertThat(first).contains("first").doesNotContain("second");
        server.awaitView(e.id());
    }

    @Test
    void theEnvironmentIsTheImagesAndTheRequestsAndNothingOfTheServers() throws Exception {
        ExecutionView e = run("env", "\"env\":{\"GREETING\":\"hello world\"}");
        List<String> env = texts(e.id(), LogStream.STDOUT);
        assertThat(env).contains("GREETING=hello world", "ERRAND_EXECUTION_ID=" + e.id());
        assertThat(env).anyMatch(l -> l.startsWith("PATH="));
        assertThat(env).noneMatch(l -> l.startsWith("JAVA_HOME=") || l.startsWith("MAVEN_") || l.startsWith("USER="));
    }

    @Test
    void theCommandStartsInAFreshWritableWorkDirectory() throws Exception {
        ExecutionView e = run("ls -A | wc -l; echo data > f; cat f", "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(texts(e.id(), LogStream.STDOUT)).extracting(String::strip).containsExactly("0", "data");
    }

    @Test
    void eachExecutionHasItsOwnHostname() throws Exception {
        ExecutionView e = run("hostname", "");
        assertThat(texts(e.id(), LogStream.STDOUT)).containsExactly("errand-" + e.id().substring(e.id().length() - 8));
    }

    @Test
    void aMissingProgramFailsWith127AndSaysWhichOne() throws Exception {
        ExecutionView e = run("no-such-binary-xyz --flag", "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.exitCode()).isEqualTo(127);
        assertThat(e.reason()).isEqualTo("command not found");
        assertThat(texts(e.id(), LogStream.STDERR)).anyMatch(t -> t.contains("no-such-binary-xyz"));
    }

    @Test
    void killSendsSigtermFirstSoTheCommandCanCleanUp() throws Exception {
        ExecutionView e = server.submit("{\"image\":\"" + image + "\",\"command\":"
                + "\"trap 'echo cleaning up; exit 0' TERM; echo ready; sleep 60 & wait\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(e.id(), LogStream.STDOUT).contains("ready"));
        assertThat(server.send("POST", "/api/v1/executions/" + e.id() + "/kill", null).statusCode()).isEqualTo(202);
        ExecutionView done = server.awaitView(e.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(texts(e.id(), LogStream.STDOUT)).contains("cleaning up");
    }

    @Test
    void aCommandThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
        ExecutionView e = server.submit("{\"image\":\"" + image + "\",\"command\":\"trap '' TERM; echo ready; sleep 60\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> texts(e.id(), LogStream.STDOUT).contains("ready"));
        long t0 = System.nanoTime();
        server.send("POST", "/api/v1/executions/" + e.id() + "/kill", null);
        ExecutionView done = server.awaitView(e.id());
        assertThat(done.status()).isEqualTo(ExecutionStatus.STOPPED);
        assertThat(done.exitCode()).isEqualTo(137);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
    }

    @Test
    void theTimeoutEndsTheExecutionAsTimedOut() throws Exception {
        ExecutionView done = run("echo start; sleep 60", "\"timeout_seconds\":1");
        assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(done.reason()).contains("timed out after 1s");
        assertThat(Duration.between(done.startedAt(), done.finishedAt())).isLessThan(Duration.ofSeconds(10));
        assertThat(texts(done.id(), LogStream.STDOUT)).containsExactly("start");
    }

    @Test
    void withoutNetworkOnlyLoopbackExists() throws Exception {
        ExecutionView e = run("cat /proc/net/dev | tail -n +3 | cut -d: -f1", "\"network\":false");
        assertThat(texts(e.id(), LogStream.STDOUT)).extracting(String::strip).containsExactly("lo");
    }

    @Test
    void aVeryLongLineIsStoredInPiecesOfAtMost16KiB() throws Exception {
        ExecutionView e = run("yes a | head -c 80000 | tr -d '\\n'", "");
        List<String> lines = texts(e.id(), LogStream.STDOUT);
        assertThat(lines).allMatch(l -> l.length() <= SandboxDriver.MAX_LINE_BYTES);
        assertThat(String.join("", lines)).hasSize(40000).matches("a+");
    }
}
