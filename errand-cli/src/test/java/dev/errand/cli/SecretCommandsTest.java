package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SecretCommandsTest {
    private static final String SECRET = """
            {"name":"pw","env_name":"PW","description":null,"roles":[],"created_by":"admin@localhost",
             "created_at":"2026-12-07T02:38:01Z","updated_by":"admin@localhost","updated_at":"2026-12-07T02:38:01Z",
             "value":"hunter2"}""";

    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void aRevealedValueIsTheLastLineOfStdoutAndEndsWithANewline() {
        server.on("GET", "/api/v1/secrets/pw/value", 200, SECRET);

        CliHarness.Result r = new CliHarness(dir).server(server).run("secrets", "show", "pw", "--reveal");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("  Name: pw\n").endsWith("\n  Value: hunter2\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutRevealTheValueIsNeitherAskedForNorShown() {
        server.on("GET", "/api/v1/secrets/pw", 200, SECRET.replace(",\n \"value\":\"hunter2\"", ""));

        CliHarness.Result r = new CliHarness(dir).server(server).run("secrets", "show", "pw");

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).endsWith("  Updated: admin@localhost at 2026-12-07 02:38:01 UTC\n").doesNotContain("Value");
        assertThat(server.onlyRequest().path()).isEqualTo("/api/v1/secrets/pw");
    }
}
