package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryConfigTest {
    static final RegistryConfig CONFIG = new RegistryConfig(List.of(" Registry.Internal:5000 ", "", "lab.example"),
            Path.of("/etc/errand/auth.json"));

    @Test
    void entriesAreNormalizedAndHostAloneMeansEveryPort() {
        assertThat(CONFIG.insecure()).containsExactly("registry.internal:5000", "lab.example");
        assertThat(CONFIG.isInsecure("registry.internal:5000")).isTrue();
        assertThat(CONFIG.isInsecure("registry.internal")).isFalse();
        assertThat(CONFIG.isInsecure("registry.internal:5001")).isFalse();
        assertThat(CONFIG.isInsecure("lab.example")).isTrue();
        assertThat(CONFIG.isInsecure("lab.example:8443")).isTrue();
        assertThat(CONFIG.isInsecure("docker.io")).isFalse();
        assertThat(RegistryConfig.DEFAULTS.isInsecure("127.0.0.1:5000")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://registry:5000", "registry:5000/path", "registry:port", "-registry", "a b"})
    void entriesThatAreNotHostAndPortAreRejected(String entry) {
        assertThatThrownBy(() -> new RegistryConfig(List.of(entry), null)).isInstanceOf(ErrandException.class)
                .hasMessageContaining("is not HOST or HOST:PORT");
    }

    @Test
    void skopeoSkipsTlsOnlyForInsecureRegistriesAndGetsTheAuthFileByPath() {
        assertThat(CONFIG.pullOptions(ImageSource.parse("docker://registry.internal:5000/team/tool:1")))
                .containsExactly("--src-tls-verify=false", "--src-authfile", "/etc/errand/auth.json");
        assertThat(CONFIG.pullOptions(ImageSource.parse("docker://hashicorp/terraform:1.9")))
                .containsExactly("--src-authfile", "/etc/errand/auth.json");
        assertThat(RegistryConfig.DEFAULTS.pullOptions(ImageSource.parse("docker://hashicorp/terraform:1.9"))).isEmpty();
        assertThat(CONFIG.pullOptions(ImageSource.parse("oci-archive:/srv/tool.tar"))).isEmpty();
    }

    @Test
    void aMissingAuthFileIsRefusedAtStart() {
        assertThatThrownBy(() -> new RegistryConfig(List.of(), Path.of("/nonexistent/auth.json")).checkAuthFile())
                .isInstanceOf(ErrandException.class).hasMessageContaining("/nonexistent/auth.json does not exist");
        RegistryConfig.DEFAULTS.checkAuthFile();
    }

    @Test
    void hintsNameTheServerOptionThatWouldHelp() {
        ImageSource hub = ImageSource.parse("docker://hashicorp/terraform:1.9");
        assertThat(RegistryConfig.DEFAULTS.hint(hub, "pinging container registry docker.io: Get \"https://...\": x509:"
                + " certificate signed by unknown authority")).contains("--insecure-registry docker.io");
        assertThat(RegistryConfig.DEFAULTS.hint(hub, "reading manifest 1.9 in docker.io/hashicorp/terraform: denied:"
                + " requested access to the resource is denied")).contains("--registry-auth-file");
        assertThat(CONFIG.hint(hub, "unauthorized: authentication required"))
                .contains("credentials for docker.io in /etc/errand/auth.json");
        assertThat(CONFIG.hint(hub, "manifest unknown: manifest unknown")).contains("no image with that tag or digest");
        assertThat(CONFIG.hint(ImageSource.parse("docker://lab.example/x:1"), "http: server gave HTTP response to HTTPS"
                + " client")).isEmpty();
        assertThat(CONFIG.hint(ImageSource.parse("oci-archive:/srv/tool.tar"), "denied")).isEmpty();
        assertThat(CONFIG.hint(hub, "dial tcp: connection refused")).isEmpty();
    }
}
