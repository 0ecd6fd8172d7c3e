package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:7878", "http://127.1.2.3", "http://localhost:80", "http://LOCALHOST",
        "http://[::1]:7878", "https://errand.example.com", "http://[0:0:0:0:0:0:0:1]"})
    void loopbackHttpAndAnyHttpsAreAccepted(String url) {
        assertThat(Endpoint.parse(url, false).base().toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://errand.example.com", "http://10.0.0.5:7878", "http://128.0.0.1", "http://127.0.0.1.example.com"})
    void plainHttpToAnythingElseIsRefusedUnlessInsecureHttpIsAllowed(String url) {
        assertThatThrownBy(() -> Endpoint.parse(url, false))
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("refusing plain http://").hasMessageContaining("ERRAND_INSECURE_HTTP=1");
        assertThat(Endpoint.parse(url, true).base().toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"errand.example.com", "ftp://errand.example.com", "https://", "https://e.com/?x=1", "http://a b"})
    void malformedUrlsAreUsageErrors(String url) {
        assertThatThrownBy(() -> Endpoint.parse(url, false)).isInstanceOf(ErrandException.class).hasMessageContaining("invalid endpoint");
    }

    @Test
    void aPathPrefixIsKeptAndTheWebSocketSchemeFollowsTheHttpScheme() {
        Endpoint secure = Endpoint.parse("https://example.com/errand/", false);
        assertThat(secure.resolve("/api/v1/health").toString()).isEqualTo("https://example.com/errand/api/v1/health");
        assertThat(secure.webSocket("/api/v1/x?from_seq=1").toString()).isEqualTo("wss://example.com/errand/api/v1/x?from_seq=1");
        assertThat(Endpoint.parse("http://127.0.0.1:7878", false).webSocket("/s").toString()).isEqualTo("ws://127.0.0.1:7878/s");
    }

    @Test
    void theCliRefusesARemotePlainHttpEndpointWithExitCode2() {
        CliHarness.Result refused = new CliHarness(dir).env("ERRAND_ENDPOINT", "http://errand.example.com")
                .env("ERRAND_API_KEY", "erk_x").run("status", "ex_1");

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).startsWith("error: refusing plain http:// to errand.example.com");
    }
}
