package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: a server killed with SIGKILL mid-run leaves no execution stuck. The server runs in
 * its own JVM (the test's class path, {@code Main server}) so it can really be killed.
 */
class RestartReconcileTest {
    private static final ObjectMapper JSON = Json.newMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void executionsRunningWhenTheServerIsKilledAreMarkedLostOnRestartAndTheirSandboxesAreGone() throws Exception {
        int port = freePort();
        Process first = startServer(port);
        String key = Files.readString(dir.resolve("admin.key")).trim();
        String marker = "60." + System.nanoTime() % 100000;
        String running = submit(port, key, "echo started; sleep " + marker);
        String queuedLater = null;
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(get(port, key, running).get("status").asText()));
        assertThat(processesWith(marker)).isNotEmpty();

        first.destroyForcibly().waitFor();
        await().atMost(Duration.ofSeconds(10)).until(() -> processesWith(marker).isEmpty());

        Process second = startServer(port);
        try {
            JsonNode lost = get(port, key, running);
            assertThat(lost.get("status").asText()).isEqualTo("LOST");
            assertThat(lost.get("reason").asText()).contains("server stopped while it ran");
            assertThat(lost.get("finished_at")).isNotNull();
            String log = logs(port, key, running);
            assertThat(log).contains("started").contains("execution lost");
            queuedLater = submit(port, key, "echo after restart");
            String after = queuedLater;
            await().atMost(Duration.ofSeconds(20)).until(() -> "SUCCEEDED".equals(get(port, key, after).get("status").asText()));
        } finally {
            second.destroy();
            second.waitFor();
        }
    }

    private Process startServer(int port) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.errand.app.Main", "server", "--data-dir", dir.toString(), "--port", Integer.toString(port)));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + "-server.log").toFile()).start();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(
                        dir.resolveSibling(dir.getFileName() + "-server.log")));
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

    private String submit(int port, String key, String command) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/executions"))
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of("command", command))))
                .build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return JSON.readTree(r.body()).get("id").asText();
    }

    private JsonNode get(int port, String key, String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/executions/" + id))
                .header("Authorization", "Bearer " + key).build();
        return JSON.readTree(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    private String logs(int port, String key, String id) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/executions/" + id + "/logs"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/plain").build();
        return http.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    private static List<Long> processesWith(String marker) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (cmdline.contains("sleep\0" + marker)) {
                        pids.add(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // The process ended while we looked.
                }
            }
        }
        return pids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
