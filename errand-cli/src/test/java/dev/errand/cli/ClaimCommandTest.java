package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ClaimCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @BeforeEach
    void answer() {
        server.on("POST", "/api/v1/claim", 201, IdentityFixtures.newKey("laptop"));
    }

    @Test
    void claimRedeemsTheTokenWithoutAKeyAndSavesTheNewKeyAndEndpointPrivately() throws Exception {
        CliHarness.Result r = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint())
                .run("claim", IdentityFixtures.TOKEN, "--key-name", "laptop");

        assertThat(r.exitCode()).as(r.err()).isZero();
        StubServer.Recorded request = server.onlyRequest();
        assertThat(request.header("Authorization")).isNull();
        assertThat(request.body()).isEqualTo("{\"token\":\"" + IdentityFixtures.TOKEN + "\",\"key_name\":\"laptop\"}");
        Path config = dir.resolve("config.yaml");
        assertThat(CliConfig.load(config)).isEqualTo(new CliConfig(server.endpoint(), IdentityFixtures.API_KEY));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(r.out()).contains("  User: alice@example.com").contains("  Role: developer")
                .contains("  Key: laptop (" + IdentityFixtures.KEY_ID + ")").doesNotContain(IdentityFixtures.API_KEY);
        assertThat(r.err()).contains("✓ saved your API key for " + server.endpoint() + " in " + config);
    }

    @Test
    void withoutAKeyNameTheHostNameIsUsed() {
        new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint()).env("HOSTNAME", "build box #1")
                .run("claim", IdentityFixtures.TOKEN);

        assertThat(server.onlyRequest().body()).contains("\"key_name\":\"build-box--1\"");
    }

    @Test
    void noSavePrintsTheKeyInsteadOfSavingIt() {
        CliHarness.Result r = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint())
                .run("claim", "--no-save", IdentityFixtures.TOKEN);

        assertThat(r.out().lines()).last().isEqualTo(IdentityFixtures.API_KEY);
        assertThat(dir.resolve("config.yaml")).doesNotExist();
    }

    @Test
    void whenTheConfigCannotBeWrittenTheKeyIsPrintedSoItIsNotLost() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.createDirectories(blocked.resolve("config.yaml"));

        CliHarness.Result r = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint())
                .env("ERRAND_CONFIG", blocked.resolve("config.yaml").toString()).run("claim", IdentityFixtures.TOKEN);

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("⚠ could not save the key");
        assertThat(r.out()).contains(IdentityFixtures.API_KEY);
    }

    @Test
    void aUsedTokenExits5AndAnExpiredOneSaysSo() {
        server.on("POST", "/api/v1/claim", 409, Fixtures.error("claim_token_used", "this claim token was already used"));
        CliHarness.Result used = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint()).run("claim", IdentityFixtures.TOKEN);
        assertThat(used.exitCode()).isEqualTo(5);
        assertThat(used.err()).contains("already used (code claim_token_used");

        server.on("POST", "/api/v1/claim", 410, Fixtures.error("claim_token_expired", "this claim token expired"));
        CliHarness.Result expired = new CliHarness(dir).env("ERRAND_ENDPOINT", server.endpoint()).run("claim", IdentityFixtures.TOKEN);
        assertThat(expired.exitCode()).isEqualTo(5);
        assertThat(expired.err()).contains("(code claim_token_expired");
        assertThat(dir.resolve("config.yaml")).doesNotExist();
    }
}
