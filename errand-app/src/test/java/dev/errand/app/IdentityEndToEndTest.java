package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.cli.CliConfig;
import dev.errand.cli.CliEnvironment;
import dev.errand.protocol.Json;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The identity story end to end with the real CLI and server: an admin invites Alice, Alice
 * claims her key on "her machine" (her own config file), works, is denied what she may not do,
 * the admin reads, traces and verifies the audit trail, then revokes her.
 */
class IdentityEndToEndTest {
    @TempDir
    static Path dir;
    static ErrandServer server;
    static Map<String, String> admin;
    static Map<String, String> alice;

    @BeforeAll
    static void start() throws Exception {
        server = ErrandServer.start(ServerConfig.forDataDir(dir.resolve("data")));
        String endpoint = "http://127.0.0.1:" + server.port();
        admin = new HashMap<>(Map.of("ERRAND_ENDPOINT", endpoint, "ERRAND_API_KEY", server.bootstrapKey().orElseThrow(),
                "ERRAND_CONFIG", dir.resolve("admin/config.yaml").toString(), "HOME", dir.toString()));
        alice = new HashMap<>(Map.of("ERRAND_CONFIG", dir.resolve("alice/config.yaml").toString(), "HOME",
                dir.resolve("alice").toString(), "HOSTNAME", "alice-laptop"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Result(int exit, String out, String err) {}

    static Result errand(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment cli = CliEnvironment.of(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader("")), env);
        int exit = Main.commandLine(cli, env).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void anInvitedUserClaimsWorksIsDeniedIsTracedAndIsRevoked() throws Exception {
        Result created = errand(admin, "users", "create", "alice@example.com", "--role", "developer", "--json");
        assertThat(created.exit()).as(created.err()).isZero();
        JsonNode invitation = Json.newMapper().readTree(created.out());
        String token = invitation.get("claim_token").asText();

        Result claimed = errand(alice, "claim", token, "--endpoint", admin.get("ERRAND_ENDPOINT"));
        assertThat(claimed.exit()).as(claimed.err()).isZero();
        assertThat(claimed.out()).contains("User: alice@example.com").contains("Key: alice-laptop");
        assertThat(CliConfig.load(dir.resolve("alice/config.yaml")).apiKey()).startsWith("erk_");
        assertThat(errand(alice, "claim", token, "--endpoint", admin.get("ERRAND_ENDPOINT")).exit()).isEqualTo(5);

        Result run = errand(alice, "run", "echo hello from alice");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("hello from alice");
        assertThat(errand(alice, "keys", "list").out()).contains("alice-laptop").contains("active");

        Result denied = errand(alice, "users", "list");
        assertThat(denied.exit()).isEqualTo(3);
        Matcher request = Pattern.compile("request (\\S+)\\)").matcher(denied.err());
        assertThat(request.find()).as(denied.err()).isTrue();

        Result trace = errand(admin, "trace", request.group(1));
        assertThat(trace.exit()).as(trace.err()).isZero();
        assertThat(trace.out()).contains("user.list").contains("denied (forbidden)").contains("alice@example.com");

        Result history = errand(admin, "audit", "list", "--user", "alice@example.com");
        assertThat(history.out()).contains("claim").contains("execution.create").contains("user.list");

        Path export = dir.resolve("audit.jsonl");
        assertThat(errand(admin, "audit", "export", "-o", export.toString()).exit()).isZero();
        assertThat(Files.readAllLines(export)).hasSizeGreaterThanOrEqualTo(4).allMatch(l -> l.startsWith("{\"seq\":"));
        Result verify = errand(admin, "audit", "verify");
        assertThat(verify.exit()).as(verify.out()).isZero();
        assertThat(verify.out()).contains("Intact: yes");

        assertThat(errand(admin, "users", "revoke", "alice@example.com").exit()).isZero();
        Result revoked = errand(alice, "list");
        assertThat(revoked.exit()).isEqualTo(3);
        assertThat(revoked.err()).contains("api_key_revoked");
        assertThat(errand(admin, "users", "list", "--all").out()).contains("alice@example.com").contains("revoked");
    }
}
