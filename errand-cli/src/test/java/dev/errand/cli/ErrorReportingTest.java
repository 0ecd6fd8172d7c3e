package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorReportingTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @ParameterizedTest
    @CsvSource({
        "401, invalid_api_key, 3",
        "403, forbidden, 3",
        "404, not_found, 4",
        "409, conflict, 5",
        "503, unavailable, 6",
        "500, internal, 1",
        "400, invalid_request, 2",
        "418, some_future_code, 1"
    })
    void anErrorBodyBecomesOneLineWithCodeAndRequestIdAndTheMappedExitCode(int status, String code, int exit) {
        server.on("GET", "/api/v1/executions/ex_1", status, Fixtures.error(code, "it went wrong"));

        CliHarness.Result result = new CliHarness(dir).server(server).run("status", "ex_1");

        assertThat(result.exitCode()).isEqualTo(exit);
        assertThat(result.err()).isEqualTo("error: it went wrong (code " + code + ", request req_42)\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void aNonJsonErrorBodyIsQuotedWithItsHttpStatus() {
        server.on("GET", "/api/v1/executions/ex_1", request -> new StubServer.Reply(502, "<html>Bad Gateway</html>" + "x".repeat(300), "text/html"));

        CliHarness.Result result = new CliHarness(dir).server(server).run("status", "ex_1");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).startsWith("error: request failed with HTTP 502: <html>Bad Gateway</html>xxx");
        assertThat(result.err().strip()).hasSize("error: request failed with HTTP 502: ".length() + 200);
    }

    @Test
    void anUnreachableServerIsUnavailableWithAHintToStartIt() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CliHarness.Result result = new CliHarness(dir).env("ERRAND_ENDPOINT", "http://127.0.0.1:" + port)
                .env("ERRAND_API_KEY", "erk_test").run("status", "ex_1");

        assertThat(result.exitCode()).isEqualTo(6);
        assertThat(result.err()).startsWith("error: cannot reach the Errand server at http://127.0.0.1:" + port + ": ")
                .contains("(is it running? start it with 'errand server')")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingApiKeyExitsWithTheAuthCodeAndSaysHowToConfigureOne() {
        CliHarness.Result result = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint()).run("status", "ex_1");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).isEqualTo("error: no API key configured: run 'errand configure' or set ERRAND_API_KEY\n");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aSuccessfulAnswerThatIsNotJsonIsAnErrorNamingTheEndpoint() {
        server.on("GET", "/api/v1/executions/ex_1", request -> new StubServer.Reply(200, "<html>login</html>", "text/html"));

        CliHarness.Result result = new CliHarness(dir).server(server).run("status", "ex_1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("answered HTTP 200 with something that is not JSON: <html>login</html>");
    }

    @Test
    void stackTracesAppearOnlyWithDebug() {
        server.on("GET", "/api/v1/executions/ex_1", 200, "{\"id\":\"ex_1\",\"status\":\"NOT_A_STATUS\"}");

        CliHarness.Result plain = new CliHarness(dir).server(server).run("status", "ex_1");
        CliHarness.Result debug = new CliHarness(dir).server(server).run("status", "--debug", "ex_1");
        CliHarness.Result debugEnv = new CliHarness(dir).server(server).env("ERRAND_DEBUG", "1").run("status", "ex_1");

        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.err()).startsWith("error: unexpected answer from the server").doesNotContain("\tat ");
        assertThat(debug.err()).contains("\tat ");
        assertThat(debugEnv.err()).contains("\tat ");
    }
}
