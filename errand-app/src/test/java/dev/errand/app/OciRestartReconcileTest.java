package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.Json;
import dev.errand.server.driver.WorkRoot;
import dev.errand.server.oci.TestImages;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability of the {@code oci} driver: containers outlive a server killed with SIGKILL. On
 * restart a running one is re-attached (its output continues, without gaps or repeats, and it can
 * still be killed), one that ended meanwhile reports its real exit code, and one whose container
 * is gone is marked LOST and cleaned up. The server runs in its own JVM so it can really be killed.
 */
class OciRestartReconcileTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private int port;
    private String key;

    @TempDir
    Path dir;

    @Test
    void containersSurviveAServerCrashAndAreReattachedFinishedOrLostOnRestart() throws Exception {
        TestImages.assumeTools();
        Path data = dir.resolve("data");
        port = freePort();
        Process first = startServer(data);
        key = Files.readString(data.resolve("admin.key")).trim();
        Path archive = TestImages.ociArchive(dir);
        assertThat(send("POST", "/api/v1/images/import", Map.of("name", "bb", "source", "oci-archive:" + archive))
                .statusCode()).isEqualTo(201);
        String counting = submit("for i in 1 2 3 4 5 6 7 8; do echo line$i; sleep 0.5; done; exit 5");
        String quick = submit("echo quick; sleep 1; echo done; exit 0");
        String doomed = submit("echo doomed; sleep 60");
        String longRunning = submit("echo long; sleep 60");
        for (String id : List.of(counting, quick, doomed, longRunning)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !logs(id).isEmpty());
        }

        first.destroyForcibly().waitFor();
        Path bundles = WorkRoot.choose(data, null, "oci").resolve("containers/bundles");
        killContainerAndMonitor(bundles.resolve(doomed));
        Thread.sleep(1500); // 'quick' ends while no server runs

        Process second = startServer(data);
        try {
            JsonNode lost = await().atMost(Duration.ofSeconds(10)).until(() -> get(doomed), n -> "LOST".equals(status(n)));
            assertThat(lost.get("reason").asText()).contains("container is gone");
            assertThat(bundles.resolve(doomed)).doesNotExist();

            JsonNode quickDone = await().atMost(Duration.ofSeconds(20)).until(() -> get(quick), n -> "SUCCEEDED".equals(status(n)));
            assertThat(quickDone.get("exit_code").asInt()).isZero();
            assertThat(logs(quick)).contains("quick\ndone\n");

            JsonNode countingDone = await().atMost(Duration.ofSeconds(30)).until(() -> get(counting), n -> "FAILED".equals(status(n)));
            assertThat(countingDone.get("exit_code").asInt()).isEqualTo(5);
            List<String> lines = logs(counting).lines().filter(l -> l.startsWith("line")).toList();
            assertThat(lines).containsExactly("line1", "line2", "line3", "line4", "line5", "line6", "line7", "line8");
            assertThat(logs(counting)).contains("re-attached after a server restart");

            assertThat(status(get(longRunning))).isEqualTo("RUNNING");
            assertThat(send("POST", "/api/v1/executions/" + longRunning + "/kill", null).statusCode()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(20)).until(() -> "STOPPED".equals(status(get(longRunning))));
            await().atMost(Duration.ofSeconds(10)).until(() -> isEmpty(bundles));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    /** Kills a container's monitor, then the container: no exit code is recorded, as after a host reboot. */
    private static void killContainerAndMonitor(Path bundle) throws Exception {
        long monitor = Long.parseLong(Files.readString(bundle.resolve("monitor.pid")).split(" ")[0]);
        ProcessHandle.of(monitor).ifPresent(ProcessHandle::destroyForcibly);
        Path state = bundle.getParent().resolveSibling("runc");
        new ProcessBuilder("runc", "--root", state.toString(), "kill", bundle.getFileName().toString(), "KILL")
                .inheritIO().start().waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(monitor).isEmpty());
    }

    private Process startServer(Path data) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.errand.app.Main", "server", "--data-dir", data.toString(), "--port", Integer.toString(port)));
        Path log = dir.resolve("server.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(log));
            }
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
        return p;
    }

    private HttpResponse<String> send(String method, String path, Object body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        return http.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private String submit(String command) throws Exception {
        HttpResponse<String> r = send("POST", "/api/v1/executions", Map.of("image", "bb", "command", command));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private JsonNode get(String id) throws Exception {
        return JSON.readTree(send("GET", "/api/v1/executions/" + id, null).body());
    }

    private static String status(JsonNode n) {
        return n.get("status").asText();
    }

    private String logs(String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/executions/" + id + "/logs"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/plain").build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return true;
        }
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
