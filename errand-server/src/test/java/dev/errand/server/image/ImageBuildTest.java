package dev.errand.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Debian image built with the real mmdebstrap from the host's apt sources, then run (about 30 s). */
class ImageBuildTest {
    @TempDir
    Path dir;

    @Test
    void aBuiltDebianImageRunsItsPackagesAndAnIdenticalBuildIsReused() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/mmdebstrap")), "mmdebstrap is not installed");
        try (TestServer server = TestServer.start(dir)) {
            String body = "{\"suite\":\"bookworm\",\"packages\":[\"python3\"]}";
            HttpResponse<String> started = server.send("POST", "/api/v1/images/py/build", body);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            JsonNode ready = Awaitility.await().atMost(Duration.ofMinutes(8)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> TestServer.JSON.readTree(server.send("GET", "/api/v1/images/py", null).body()),
                            v -> !"building".equals(v.get("build_state").asText()));
            assertThat(ready.get("build_state").asText()).isEqualTo("ready");
            assertThat(ready.get("source").asText()).isEqualTo("debian");

            HttpResponse<String> run = server.send("POST", "/api/v1/executions",
                    "{\"image\":\"py\",\"command\":\"python3 -c 'print(6 * 7)'; grep VERSION_CODENAME /etc/os-release\","
                            + "\"limits\":{\"memory_mb\":512}}");
            JsonNode done = server.awaitTerminal(TestServer.JSON.readTree(run.body()).get("id").asText());
            String log = server.logText(done.get("id").asText());
            assertThat(done.get("status").asText()).as(log).isEqualTo("SUCCEEDED");
            assertThat(log).contains("42").contains("VERSION_CODENAME=bookworm");

            HttpResponse<String> again = server.send("POST", "/api/v1/images/py/build", body);
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(TestServer.JSON.readTree(again.body()).get("built_at").asText()).isEqualTo(ready.get("built_at").asText());
        }
    }
}
