package dev.errand.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API keys: several per user, named, optionally expiring, revocable at once, shown only once. */
class KeyLifecycleTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body());
    }

    static HttpResponse<String> createKey(Account a, String body) throws Exception {
        return server.send("POST", "/api/v1/keys", body, a.key());
    }

    @Test
    void aUserHasSeveralNamedKeysAndListsOnlyTheirOwn() throws Exception {
        Account fay = TestUsers.create(server, TestUsers.email("fay"), "developer");
        Account gus = TestUsers.create(server, TestUsers.email("gus"), "developer");
        HttpResponse<String> ci = createKey(fay, "{\"name\":\"ci\",\"expires_in_seconds\":86400}");
        assertThat(ci.statusCode()).isEqualTo(201);
        assertThat(json(ci).get("api_key").asText()).startsWith("erk_");
        Instant expires = Instant.parse(json(ci).get("key").get("expires_at").asText());
        assertThat(Duration.between(Instant.now(), expires)).isBetween(Duration.ofHours(23), Duration.ofHours(24));
        assertThat(createKey(fay, "{\"name\":\"laptop\"}").statusCode()).isEqualTo(201);

        HttpResponse<String> list = server.send("GET", "/api/v1/keys", null, fay.key());
        assertThat(json(list).get("items").findValuesAsText("name")).containsExactly("test", "ci", "laptop");
        assertThat(json(list).get("items").findValuesAsText("status")).containsOnly("active");
        assertThat(list.body()).doesNotContain("erk_").doesNotContain("api_key");
        assertThat(json(server.send("GET", "/api/v1/keys", null, gus.key())).get("items").findValuesAsText("name"))
                .containsExactly("test");
        assertThat(server.send("GET", "/api/v1/keys?user=" + fay.userId(), null, gus.key()).statusCode()).isEqualTo(404);
        assertThat(json(server.send("GET", "/api/v1/keys?user=" + fay.email(), null)).get("items")).hasSize(3);
        assertThat(json(server.send("GET", "/api/v1/keys?all=true", null)).get("items").findValuesAsText("user"))
                .contains(fay.email(), gus.email(), "admin@localhost");
    }

    @Test
    void keysAreStoredOnlyAsTheirSha256() throws Exception {
        Account hal = TestUsers.create(server, TestUsers.email("hal"), "viewer");
        String stored = server.server().database().read((Handle h) -> h.createQuery(
                "SELECT key_hash FROM api_keys WHERE id = :id").bind("id", hal.keyId()).mapTo(String.class).one());
        assertThat(stored).isEqualTo(ApiKeys.hash(hal.key())).doesNotContain(hal.key().substring(4));
    }

    @Test
    void aRevokedKeyAnswers401ApiKeyRevokedOnTheNextRequest() throws Exception {
        Account ida = TestUsers.create(server, TestUsers.email("ida"), "developer");
        Account spare = TestUsers.newKey(server, ida);
        assertThat(server.send("GET", "/api/v1/executions", null, spare.key()).statusCode()).isEqualTo(200);
        HttpResponse<String> revoked = server.send("POST", "/api/v1/keys/" + spare.keyId() + "/revoke", null, ida.key());
        assertThat(json(revoked).get("status").asText()).isEqualTo("revoked");
        HttpResponse<String> r = server.send("GET", "/api/v1/executions", null, spare.key());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("api_key_revoked");
        assertThat(server.send("GET", "/api/v1/executions", null, ida.key()).statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/keys/" + spare.keyId() + "/revoke", null, ida.key()).statusCode()).isEqualTo(200);
    }

    @Test
    void aKeyCanBeRevokedByItsName() throws Exception {
        Account jon = TestUsers.create(server, TestUsers.email("jon"), "developer");
        createKey(jon, "{\"name\":\"old-laptop\"}");
        HttpResponse<String> r = server.send("POST", "/api/v1/keys/old-laptop/revoke", null, jon.key());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("name").asText()).isEqualTo("old-laptop");
        assertThat(server.send("POST", "/api/v1/keys/no-such-key/revoke", null, jon.key()).statusCode()).isEqualTo(404);
    }

    @Test
    void anExpiredKeyAnswers401ApiKeyExpired() throws Exception {
        Account kim = TestUsers.create(server, TestUsers.email("kim"), "developer");
        HttpResponse<String> made = createKey(kim, "{\"name\":\"short\",\"expires_in_seconds\":60}");
        String id = json(made).get("key").get("id").asText();
        server.server().database().write((Handle h) -> h.execute("UPDATE api_keys SET expires_at = 1 WHERE id = ?", id));
        HttpResponse<String> r = server.send("GET", "/api/v1/executions", null, json(made).get("api_key").asText());
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("error").get("code").asText()).isEqualTo("api_key_expired");
        assertThat(json(server.send("GET", "/api/v1/keys", null, kim.key())).get("items").findValuesAsText("status"))
                .containsExactly("active", "expired");
    }

    @Test
    void anAdminRevokesAnyonesKeyButADeveloperCannotEvenSeeThem() throws Exception {
        Account lee = TestUsers.create(server, TestUsers.email("lee"), "developer");
        Account max = TestUsers.create(server, TestUsers.email("max"), "developer");
        HttpResponse<String> denied = server.send("POST", "/api/v1/keys/" + lee.keyId() + "/revoke", null, max.key());
        assertThat(denied.statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/api/v1/executions", null, lee.key()).statusCode()).isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/keys/" + lee.keyId() + "/revoke", null).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/executions", null, lee.key()).statusCode()).isEqualTo(401);
    }

    @Test
    void theLastKeyOfTheLastAdminCannotBeRevoked() throws Exception {
        String adminKey = json(server.send("GET", "/api/v1/keys", null)).get("items").get(0).get("id").asText();
        HttpResponse<String> r = server.send("POST", "/api/v1/keys/" + adminKey + "/revoke", null);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(json(r).get("error").get("message").asText()).contains("last key of the last admin");
        assertThat(server.send("GET", "/api/v1/keys", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theLastUseOfAKeyIsRecorded() throws Exception {
        Account ned = TestUsers.create(server, TestUsers.email("ned"), "viewer");
        server.send("GET", "/api/v1/executions", null, ned.key());
        await().atMost(Duration.ofSeconds(10)).until(() -> json(server.send("GET", "/api/v1/keys", null, ned.key()))
                .get("items").get(0).has("last_used_at"));
        JsonNode user = json(server.send("GET", "/api/v1/users/" + ned.userId(), null));
        assertThat(user.has("last_used_at")).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing name|{}|400|key name is missing",
        "bad characters|{\"name\":\"my key!\"}|400|not valid",
        "too long|{\"name\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"}|400|not valid",
        "expiry too short|{\"name\":\"x\",\"expires_in_seconds\":5}|400|between 60 and",
        "expiry negative|{\"name\":\"x\",\"expires_in_seconds\":-60}|400|between 60 and",
        "duplicate name|{\"name\":\"test\"}|409|already have a key named 'test'",
        "unknown field|{\"name\":\"x\",\"scope\":\"all\"}|400|unknown field 'scope'",
    })
    void badKeyRequestsAreRefusedAndNothingIsCreated(String name, String body, int status, String message) throws Exception {
        Account oz = TestUsers.create(server, TestUsers.email("oz"), "developer");
        HttpResponse<String> r = createKey(oz, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).get("error").get("message").asText()).contains(message);
        assertThat(json(server.send("GET", "/api/v1/keys", null, oz.key())).get("items")).hasSize(1);
    }

    @Test
    void revokedKeysAreListedOnlyWhenAsked() throws Exception {
        Account pat = TestUsers.create(server, TestUsers.email("pat"), "developer");
        Account spare = TestUsers.newKey(server, pat);
        server.send("POST", "/api/v1/keys/" + spare.keyId() + "/revoke", null, pat.key());
        assertThat(json(server.send("GET", "/api/v1/keys", null, pat.key())).get("items")).hasSize(1);
        List<String> all = json(server.send("GET", "/api/v1/keys?include_revoked=true", null, pat.key())).get("items")
                .findValuesAsText("status");
        assertThat(all).containsExactly("active", "revoked");
    }
}
