package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class KeyCommandsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void keysCreatePrintsOnlyTheKeyOnStdoutAndSendsTheExpiryInSeconds() {
        server.on("POST", "/api/v1/keys", 201, IdentityFixtures.newKey("ci"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("keys", "create", "ci", "--expires-in", "90d");

        assertThat(r.exitCode()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"name\":\"ci\",\"expires_in_seconds\":7776000}");
        assertThat(r.out()).isEqualTo(IdentityFixtures.API_KEY + "\n");
        assertThat(r.err()).contains("✓ created key ci (" + IdentityFixtures.KEY_ID + "); it expires 2026-04-02 03:04:05 UTC")
                .contains("⚠ the key is shown only now");
    }

    @Test
    void keysCreateWithSaveStoresTheKeyInTheConfigInsteadOfPrintingIt() {
        server.on("POST", "/api/v1/keys", 201, IdentityFixtures.newKey("laptop"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("keys", "create", "laptop", "--save");

        assertThat(r.out()).isEmpty();
        assertThat(CliConfig.load(dir.resolve("config.yaml")).apiKey()).isEqualTo(IdentityFixtures.API_KEY);
    }

    @Test
    void aBadExpiryIsAUsageError() {
        CliHarness.Result r = new CliHarness(dir).server(server).run("keys", "create", "ci", "--expires-in", "soon");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void keysListPrintsATableAndPassesTheFilters() {
        server.on("GET", "/api/v1/keys", 200, "{\"items\":[" + IdentityFixtures.key("ci", "active") + "]}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("keys", "list", "--user", "alice@example.com", "--revoked");

        assertThat(server.onlyRequest().query()).isEqualTo("user=alice%40example.com&include_revoked=true");
        assertThat(r.out().lines().toList()).containsExactly(
                "ID" + " ".repeat(30) + "NAME  USER               STATUS  CREATED              EXPIRES              LAST USED",
                IdentityFixtures.KEY_ID + "  ci    alice@example.com  active  2026-01-02 03:04:05  2026-04-02 03:04:05  never");
    }

    @Test
    void keysRevokeTakesAnIdOrAName() {
        server.on("POST", "/api/v1/keys/old laptop/revoke", 200, IdentityFixtures.key("old laptop", "revoked"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("keys", "revoke", "old laptop");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("✓ revoked key old laptop (" + IdentityFixtures.KEY_ID + ") of alice@example.com");
    }

    @Test
    void revokingSomeoneElsesKeyExitsWithNotFound() {
        server.on("POST", "/api/v1/keys/key_x/revoke", 404, Fixtures.error("not_found", "no key 'key_x'"));

        assertThat(new CliHarness(dir).server(server).run("keys", "revoke", "key_x").exitCode()).isEqualTo(4);
    }
}
