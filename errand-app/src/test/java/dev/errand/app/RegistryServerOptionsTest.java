package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.oci.RegistryConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class RegistryServerOptionsTest {
    static ServerCommand command() {
        return new ServerCommand(Map.of(), (endpoint, key) -> {});
    }

    @Test
    void insecureRegistriesRepeatOrSplitOnCommasAndTheAuthFileIsAPath() {
        ServerCommand c = command();
        new CommandLine(c).parseArgs("--insecure-registry", "registry.internal:5000", "--insecure-registry",
                "lab.example,127.0.0.1:5000", "--registry-auth-file", "/etc/errand/auth.json");
        RegistryConfig r = c.registries.config();
        assertThat(r.insecure()).containsExactly("registry.internal:5000", "lab.example", "127.0.0.1:5000");
        assertThat(r.authFile()).isEqualTo(Path.of("/etc/errand/auth.json"));
    }

    @Test
    void withoutOptionsEveryRegistryIsVerifiedAndSkopeoFindsCredentials() {
        ServerCommand c = command();
        new CommandLine(c).parseArgs();
        assertThat(c.registries.config()).isEqualTo(RegistryConfig.DEFAULTS);
    }

    @Test
    void anInsecureRegistryWithASchemeIsAUsageErrorBeforeTheServerStarts() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command()).setErr(new PrintWriter(err))
                .execute("--insecure-registry", "http://registry.internal:5000");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("insecure registry 'http://registry.internal:5000' is not HOST or HOST:PORT");
    }
}
