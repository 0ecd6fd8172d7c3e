package dev.errand.server.secret;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.identity.Role;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets end to end: real server, SQLite, Tink, bubblewrap sandboxes and the masking log pipeline. */
class SecretApiTest {
    static final String VALUE = "tok-9f8e7d6c5b4a-secret";
    @TempDir
    static Path dir;
    static TestServer server;
    static String developer;
    static String operator;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(dir);
        developer = server.keyFor(Role.DEVELOPER, "dev@example.com");
        operator = server.keyFor(Role.OPERATOR, "ops@example.com");
        create("deploy-token", "DEPLOY_TOKEN", VALUE, "[]");
        create("prod-db", "PROD_DB_PASSWORD", "hunter2-prod-pw", "[\"operator\"]");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static void create(String name, String env, String value, String roles) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/secrets", "{\"name\":\"" + name + "\",\"env_name\":\""
                + env + "\",\"value\":\"" + value + "\",\"description\":\"for tests\",\"roles\":" + roles + "}", operator);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).doesNotContain(value);
    }

    static String run(String key, String body) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions", body, key);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        return TestServer.JSON.readTree(r.body()).get("id").asText();
    }

    @Test
    void theMasterKeyFileIsCreatedReadableOnlyByTheServer() throws Exception {
        Path key = dir.resolve("master-key.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("errand.db"), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(VALUE);
    }

    @Test
    void listAndShowNeverContainValues() throws Exception {
        HttpResponse<String> list = server.send("GET", "/api/v1/secrets", null, developer);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("deploy-token").contains("DEPLOY_TOKEN").doesNotContain(VALUE);
        assertThat(server.send("GET", "/api/v1/secrets/deploy-token", null, developer).body()).doesNotContain(VALUE);
    }

    @Test
    void onlyAdminsMayRevealAValue() throws Exception {
        assertThat(server.send("GET", "/api/v1/secrets/deploy-token/value", null, operator).statusCode()).isEqualTo(403);
        JsonNode revealed = TestServer.JSON.readTree(server.send("GET", "/api/v1/secrets/deploy-token/value", null).body());
        assertThat(revealed.get("value").asText()).isEqualTo(VALUE);
    }

    @Test
    void developersCannotManageSecrets() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/secrets",
                "{\"name\":\"mine\",\"env_name\":\"MINE\",\"value\":\"abcdef\"}", developer);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(server.send("DELETE", "/api/v1/secrets/deploy-token", null, developer).statusCode()).isEqualTo(403);
    }

    @Test
    void badFieldsAndDuplicatesAreClearErrors() throws Exception {
        assertThat(server.send("POST", "/api/v1/secrets", "{\"name\":\"Bad Name\",\"env_name\":\"X\",\"value\":\"abcdef\"}")
                .body()).contains("secret name 'Bad Name' is not valid");
        assertThat(server.send("POST", "/api/v1/secrets", "{\"name\":\"short\",\"env_name\":\"X\",\"value\":\"abc\"}")
                .body()).contains("at least 4 characters");
        assertThat(server.send("POST", "/api/v1/secrets", "{\"name\":\"e\",\"env_name\":\"ERRAND_X\",\"value\":\"abcdef\"}")
                .body()).contains("reserved");
        HttpResponse<String> dup = server.send("POST", "/api/v1/secrets",
                "{\"name\":\"deploy-token\",\"env_name\":\"X\",\"value\":\"abcdef\"}");
        assertThat(dup.statusCode()).isEqualTo(409);
    }

    @Test
    void anUpdateChangesTheValueAndADeleteRemovesTheSecret() throws Exception {
        create("rotating", "ROTATING", "first-value", "[]");
        HttpResponse<String> up = server.send("PUT", "/api/v1/secrets/rotating", "{\"value\":\"second-value\"}", operator);
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("ops@example.com");
        assertThat(server.send("GET", "/api/v1/secrets/rotating/value", null).body()).contains("second-value");
        assertThat(server.send("DELETE", "/api/v1/secrets/rotating", null, operator).statusCode()).isEqualTo(204);
        assertThat(server.send("GET", "/api/v1/secrets/rotating", null).statusCode()).isEqualTo(404);
    }

    @Test
    void anExecutionGetsTheSecretAsEnvAndEveryFormOfItIsMaskedInTheLog() throws Exception {
        String id = run(developer, "{\"command\":\"echo raw=$DEPLOY_TOKEN; printf '%s' \\\"$DEPLOY_TOKEN\\\" | base64;"
                + " echo url=$(printf '%s' \\\"a b $DEPLOY_TOKEN\\\" | sed 's/ /%20/g'); test \\\"$DEPLOY_TOKEN\\\" = " + VALUE
                + " && echo match\",\"secrets\":[\"deploy-token\"]}");
        JsonNode done = server.awaitTerminal(id);
        String log = server.logText(id);
        assertThat(done.get("status").asText()).as(log).isEqualTo("SUCCEEDED");
        assertThat(done.get("secrets").toString()).contains("deploy-token");
        assertThat(log).contains("raw=***").contains("url=a%20b%20***").contains("match").doesNotContain(VALUE)
                .doesNotContain(java.util.Base64.getEncoder().encodeToString(VALUE.getBytes()).substring(0, 12));
    }

    @Test
    void aSecretSplitAcrossTheSixteenKibLineCutIsMasked() throws Exception {
        String id = run(developer, "{\"command\":\"head -c 16380 /dev/zero | tr '\\\\\\\\0' x; echo \\\"$DEPLOY_TOKEN\\\"\","
                + "\"secrets\":[\"deploy-token\"]}");
        server.awaitTerminal(id);
        String log = server.logText(id);
        assertThat(log).contains("***").doesNotContain(VALUE.substring(0, 6)).doesNotContain(VALUE.substring(VALUE.length() - 6));
    }

    @Test
    void anUnknownSecretIsA400AndARestrictedOneA403() throws Exception {
        HttpResponse<String> unknown = server.send("POST", "/api/v1/executions", "{\"command\":\"true\",\"secrets\":[\"nope\"]}", developer);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown secret 'nope'");
        HttpResponse<String> denied = server.send("POST", "/api/v1/executions", "{\"command\":\"true\",\"secrets\":[\"prod-db\"]}", developer);
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(denied.body()).contains("prod-db");
    }

    @Test
    void anEnvVariableThatASecretAlsoSetsIsRejected() throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/executions",
                "{\"command\":\"true\",\"env\":{\"DEPLOY_TOKEN\":\"x\"},\"secrets\":[\"deploy-token\"]}", developer);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("DEPLOY_TOKEN").contains("deploy-token");
    }
}
