package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class UserCommandsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();

    @Test
    void usersCreatePostsEmailAndRolePrintsTheClaimTokenAndTellsHowToHandItOver() {
        server.on("POST", "/api/v1/users", 201, IdentityFixtures.invitation("alice@example.com", "developer"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "create", "alice@example.com", "--role", "developer");

        assertThat(r.exitCode()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"email\":\"alice@example.com\",\"role\":\"developer\"}");
        assertThat(r.out()).contains("  User: alice@example.com (" + IdentityFixtures.USER_ID + ")")
                .contains("  Role: developer").contains("  Claim token: " + IdentityFixtures.TOKEN)
                .contains("  Expires: 2099-01-02 03:19:05 UTC");
        assertThat(r.err()).contains("✓ created alice@example.com (developer)")
                .contains("errand claim " + IdentityFixtures.TOKEN + " --endpoint " + server.endpoint())
                .contains("⚠ the claim token is shown only now; it works once, within 15 minutes");
    }

    @Test
    void usersCreateWithoutARoleIsAUsageError() {
        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "create", "alice@example.com");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--role=ROLE'");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theServersRefusalsMapToExitCodes() {
        server.on("POST", "/api/v1/users", 400, Fixtures.error("invalid_request", "unknown role 'root'"));
        CliHarness.Result bad = new CliHarness(dir).server(server).run("users", "create", "a@example.com", "--role", "root");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown role 'root' (code invalid_request");

        server.on("POST", "/api/v1/users", 403, Fixtures.error("forbidden", "role developer may not user.create"));
        assertThat(new CliHarness(dir).server(server).run("users", "create", "a@example.com", "--role", "viewer").exitCode())
                .isEqualTo(3);

        server.on("POST", "/api/v1/users/admin@localhost/revoke", 409, Fixtures.error("conflict", "last admin"));
        assertThat(new CliHarness(dir).server(server).run("users", "revoke", "admin@localhost").exitCode()).isEqualTo(5);
    }

    @Test
    void usersListPrintsATableAndAsksForRevokedOnesWithAll() {
        server.on("GET", "/api/v1/users", 200, "{\"items\":[" + IdentityFixtures.user("alice@example.com", "developer", "active")
                + "]}");

        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "list", "--all");

        assertThat(r.exitCode()).isZero();
        assertThat(server.onlyRequest().query()).isEqualTo("all=true");
        assertThat(r.out().lines().toList()).containsExactly(
                "EMAIL              ROLE       STATUS  KEYS  CREATED              LAST USED            ID",
                "alice@example.com  developer  active  1     2026-01-02 03:04:05  2026-01-03 04:05:06  " + IdentityFixtures.USER_ID);
    }

    @Test
    void usersRevokeEncodesTheEmailInThePath() {
        server.on("POST", "/api/v1/users/bob+ci@example.com/revoke", 200, IdentityFixtures.user("bob+ci@example.com",
                "developer", "revoked"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "revoke", "bob+ci@example.com");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("✓ revoked bob+ci@example.com").contains("every key of theirs stopped working");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usersSetRolePutsTheNewRole() {
        server.on("PUT", "/api/v1/users/" + IdentityFixtures.USER_ID + "/role", 200,
                IdentityFixtures.user("alice@example.com", "operator", "active"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "set-role", IdentityFixtures.USER_ID, "operator");

        assertThat(r.exitCode()).isZero();
        assertThat(server.onlyRequest().body()).isEqualTo("{\"role\":\"operator\"}");
        assertThat(r.err()).contains("✓ alice@example.com is now operator");
    }

    @Test
    void usersReissuePrintsTheNewTokenAndJsonPrintsTheRawAnswer() {
        server.on("POST", "/api/v1/users/alice@example.com/claim-tokens", 201,
                IdentityFixtures.invitation("alice@example.com", "developer"));

        CliHarness.Result r = new CliHarness(dir).server(server).run("users", "reissue", "alice@example.com");
        CliHarness.Result json = new CliHarness(dir).server(server).run("users", "reissue", "--json", "alice@example.com");

        assertThat(r.out()).contains("Claim token: " + IdentityFixtures.TOKEN);
        assertThat(json.out()).startsWith("{\"user\":").contains("\"claim_token\":\"" + IdentityFixtures.TOKEN + "\"");
        assertThat(json.out().lines()).hasSize(1);
    }

    @Test
    void usersWithoutASubcommandPrintsItsUsage() {
        CliHarness.Result r = new CliHarness(dir).run("users");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: errand users").contains("create").contains("set-role").contains("reissue");
    }
}
