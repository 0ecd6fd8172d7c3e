package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.server.TestServer;
import dev.errand.server.driver.WorkRoot;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real containers from an imported busybox image: image config, overrides, limits, isolation, prune. */
class OciExecutionTest {
    @TempDir
    static Path dir;
    static TestServer server;
    static Path archive;

    @BeforeAll
    static void start() throws Exception {
        TestImages.assumeTools();
        server = TestServer.start(dir.resolve("data"));
        archive = TestImages.ociArchive(dir);
        importImage("{\"name\":\"bb\",\"source\":\"oci-archive:" + archive + "\"}");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode importImage(String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/images/import", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.JSON.readTree(r.body());
    }

    static ExecutionView run(String image, String command, String extra) throws Exception {
        String json = "{\"image\":\"" + image + "\"" + (command == null ? "" : ",\"command\":"
                + TestServer.JSON.writeValueAsString(command)) + (extra.isEmpty() ? "" : "," + extra) + "}";
        return server.awaitView(server.submit(json).id());
    }

    static List<String> lines(ExecutionView e, LogStream stream) throws Exception {
        return server.logs(e.id()).stream().filter(l -> l.stream() == stream).map(LogLine::text).toList();
    }

    @Test
    void theImagesEnvironmentAndWorkingDirectoryApplyAndTheRequestsEnvWins() throws Exception {
        ExecutionView e = run("bb", "pwd; echo $IMAGE_VAR; echo $OTHER; touch made && ls", "\"env\":{\"OTHER\":\"from-request\"}");
        assertThat(lines(e, LogStream.STDOUT)).containsExactly("/workspace", "from-image", "from-request", "made");
        ExecutionView overridden = run("bb", "echo $IMAGE_VAR", "\"env\":{\"IMAGE_VAR\":\"from-request\"}");
        assertThat(lines(overridden, LogStream.STDOUT)).containsExactly("from-request");
    }

    @Test
    void withoutACommandTheImagesEntrypointAndCmdRun() throws Exception {
        ExecutionView e = run("bb", null, "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(lines(e, LogStream.STDOUT)).containsExactly("default-cmd");
        importImage("{\"name\":\"bb-sh\",\"source\":\"oci-archive:" + archive + "\",\"entrypoint\":[\"/bin/sh\",\"-c\"],"
                + "\"cmd\":[\"echo overridden as $(id -un)\"],\"user\":\"app\",\"working_dir\":\"/home/app/work\"}");
        ExecutionView o = run("bb-sh", null, "");
        assertThat(lines(o, LogStream.STDOUT)).containsExactly("overridden as app");
        ExecutionView where = run("bb-sh", "id -u; id -g; pwd; touch mine && echo wrote", "");
        assertThat(lines(where, LogStream.STDOUT)).containsExactly("1000", "1000", "/home/app/work", "wrote");
    }

    @Test
    void anImageWithNothingToRunNeedsACommand() throws Exception {
        importImage("{\"name\":\"bb-empty\",\"source\":\"oci-archive:" + archive + "\",\"entrypoint\":[],\"cmd\":[]}");
        ExecutionView e = run("bb-empty", null, "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.reason()).contains("has no entrypoint or cmd");
    }

    @Test
    void eachExecutionWritesItsOwnLayerAndTheImageStaysAsItWas() throws Exception {
        ExecutionView first = run("bb", "echo changed > /etc/motd && rm /bin/vi && cat /etc/motd", "");
        assertThat(lines(first, LogStream.STDOUT)).containsExactly("changed");
        ExecutionView second = run("bb", "cat /etc/motd; ls /bin/vi", "");
        assertThat(lines(second, LogStream.STDOUT)).containsExactly("/bin/vi");
        assertThat(lines(second, LogStream.STDERR)).anyMatch(l -> l.contains("/etc/motd"));
    }

    @Test
    void aMemoryHogIsKilledAtTheImagesLimitAndReportedAsOutOfMemory() throws Exception {
        importImage("{\"name\":\"bb-small\",\"source\":\"oci-archive:" + archive + "\",\"memory_bytes\":67108864,"
                + "\"max_processes\":32}");
        ExecutionView e = run("bb-small", "echo start; dd if=/dev/zero of=/dev/null bs=256M count=1", "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(e.reason()).isEqualTo("memory limit of 64 MiB exceeded: the kernel killed a process");
        assertThat(e.exitCode()).isEqualTo(137);
        List<String> system = lines(e, LogStream.SYSTEM);
        assertThat(e.usage().cpuSeconds()).isNotNull();
        assertThat(e.usage().peakMemoryBytes()).isGreaterThan(32L << 20).isLessThanOrEqualTo(64L << 20);
        assertThat(system).anyMatch(l -> l.startsWith("memory limit of 64 MiB exceeded"));
        ExecutionView forks = run("bb-small", "i=0; while [ $i -lt 64 ]; do sleep 5 & i=$((i+1)); done; echo done", "");
        assertThat(lines(forks, LogStream.STDERR)).anyMatch(l -> l.contains("fork"));
    }

    @Test
    void aCommandRunsWhereTheImageHasAShellAndEndsWithUsage() throws Exception {
        ExecutionView e = run("bb", "echo hi", "");
        assertThat(e.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(e.usage().cpuSeconds()).isNotNull();
    }

    @Test
    void bundlesAndWorkDirectoriesAreRemovedWhenExecutionsEnd() throws Exception {
        run("bb", "echo x > file", "");
        Path oci = WorkRoot.choose(dir.resolve("data"), null, "oci");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(count(oci.resolve("containers/bundles"))).isZero();
            assertThat(count(oci.resolve("work"))).isZero();
        });
    }

    @Test
    void pruneRemovesOnlyUnpackedImagesNothingUses() throws Exception {
        String used = importImage("{\"name\":\"bb-prune\",\"source\":\"oci-archive:" + archive + "\"}").get("digest").asText();
        Path other = TestImages.ociArchive(dir.resolve("other"));
        String old = importImage("{\"name\":\"bb-prune\",\"source\":\"oci-archive:" + other + "\"}").get("digest").asText();
        assertThat(old).isNotEqualTo(used);
        importImage("{\"name\":\"bb-prune\",\"source\":\"oci-archive:" + archive + "\"}");
        JsonNode pruned = TestServer.JSON.readTree(server.send("POST", "/api/v1/images/prune", null).body());
        assertThat(pruned.get("removed")).extracting(JsonNode::asText).containsExactly(old);
        assertThat(pruned.get("freed_bytes").asLong()).isGreaterThan(1_000_000);
        Path rootfs = dir.resolve("data/oci-images/rootfs");
        assertThat(rootfs.resolve(old.replace(':', '-'))).doesNotExist();
        assertThat(rootfs.resolve(used.replace(':', '-'))).isDirectory();
        assertThat(run("bb-prune", "echo still runs", "").status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    static long count(Path p) throws Exception {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.count();
        }
    }
}
