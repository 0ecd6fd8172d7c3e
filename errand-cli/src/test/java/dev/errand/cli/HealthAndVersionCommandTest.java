package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.Version;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class HealthAndVersionCommandTest {
    private static final String OK = """
            {"status":"ok","version":"1.2.3","store":{"name":"sqlite","ready":true,"detail":"embedded"},
             "drivers":[{"name":"local","ready":true,"detail":"bubblewrap 0.8.0"},
                        {"name":"oci","ready":false,"detail":"runc not found: apt-get install runc"}]}""";

    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void healthPrintsStoreAndEveryDriverAndSendsNoKey() {
        server.on("GET", "/api/v1/health", 200, OK);

        CliHarness.Result result = new CliHarness(dir).server(server).run("health");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("""
                  Status: ok
                  Version: 1.2.3
                  Store: sqlite ready (embedded)
                  Driver: local ready (bubblewrap 0.8.0)
                  Driver: oci not ready (runc not found: apt-get install runc)
                """);
        assertThat(server.onlyRequest().header("Authorization")).isNull();
    }

    @Test
    void aDegradedServerExitsWithTheUnavailableCodeEvenWhenItAnswers503() {
        server.on("GET", "/api/v1/health", 503, OK.replace("\"ok\"", "\"degraded\""));

        CliHarness.Result result = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint()).run("health");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.out()).startsWith("  Status: degraded\n");
        assertThat(result.err()).isEqualTo("error: the server at " + server.endpoint() + " reports status 'degraded'\n");
    }

    @Test
    void versionPrintsTheClientAndServerVersions() {
        server.on("GET", "/api/v1/health", 200, OK);

        CliHarness.Result result = new CliHarness(dir).server(server).run("version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("client " + Version.current() + "\nserver 1.2.3 at " + server.endpoint() + "\n");
    }

    @Test
    void versionWithAnUnreachableServerStillSucceedsAndSaysSoOnStderr() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliHarness.Result result = new CliHarness(dir).env("ERRAND_ENDPOINT", "http://127.0.0.1:" + port).run("version", "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("{\"client\":\"" + Version.current() + "\",\"endpoint\":\"http://127.0.0.1:" + port + "\"}\n");
        assertThat(result.err()).startsWith("⚠ server version unknown: cannot reach the Errand server");
    }
}
