package dev.errand.server.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import dev.errand.server.TestUsers.Account;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Users from invitation to revocation, over HTTP against a real server and SQLite. */
class UserLifecycleTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();

    static JsonNode json(HttpResponse<String> r) throws Exception {
        return TestServer.JSON.readTree(r.body());
    }

    static String code(HttpResponse<String> r) throws Exception {
        return json(r).get("error").get("code").asText();
    }

    static int userCount() throws Exception {
        return json(server.send("GET", "/api/v1/users?all=true", null)).get("items").size();
    }

    static void sql(String statement) {
        server.server().database().write((Handle h) -> h.execute(statement));
    }

    @Test
    void anInvitedUserClaimsAKeyOnceAndUsesIt() throws Exception {
        String email = TestUsers.email("alice");
        JsonNode invitation = TestUsers.invite(server, email, "developer");
        String token = invitation.get("claim_token").asText();
        assertThat(token).startsWith("erc_").hasSize(47);
        assertThat(Duration.between(Instant.now(), Instant.parse(invitation.get("expires_at").asText())))
                .isBetween(Duration.ofMinutes(14), Duration.ofMinutes(15));
        assertThat(invitation.get("user").get("status").asText()).isEqualTo("pending");
        assertThat(invitation.get("user").get("created_by").asText()).isEqualTo("admin@localhost");

        HttpResponse<String> claimed = TestUsers.claim(server, token, "alice-laptop");
        assertThat(claimed.statusCode()).isEqualTo(201);
        String key = json(claimed).get("api_key").asText();
        assertThat(key).startsWith("erk_").hasSize(47);
        assertThat(json(claimed).get("key").get("name").asText()).isEqualTo("alice-laptop");
        assertThat(json(claimed).get("user").get("status").asText()).isEqualTo("active");
        assertThat(server.send("GET", "/api/v1/executions", null, key).statusCode()).isEqualTo(200);

        HttpResponse<String> again = TestUsers.claim(server, token, "second");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(code(again)).isEqualTo("claim_token_used");
        JsonNode user = json(server.send("GET", "/api/v1/users/" + URLEncoder.encode(email, StandardCharsets.UTF_8), null));
        assertThat(user.get("keys").asInt()).isEqualTo(1);
    }

    @Test
    void anExpiredClaimTokenAnswers410AndAnUnknownOne404() throws Exception {
        JsonNode invitation = TestUsers.invite(server, TestUsers.email("late"), "viewer");
        sql("UPDATE claim_tokens SET expires_at = 1 WHERE user_id = '" + invitation.get("user").get("id").asText() + "'");
        HttpResponse<String> expired = TestUsers.claim(server, invitation.get("claim_token").asText(), null);
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(code(expired)).isEqualTo("claim_token_expired");
        assertThat(json(server.send("GET", "/api/v1/users/" + invitation.get("user").get("id").asText(), null))
                .get("keys").asInt()).isZero();
        HttpResponse<String> unknown = TestUsers.claim(server, "erc_" + "A".repeat(43), null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(code(unknown)).isEqualTo("not_found");
        assertThat(TestUsers.claim(server, "garbage", null).statusCode()).isEqualTo(404);
    }

    @Test
    void claimTokensAreStoredOnlyAsTheirHash() throws Exception {
        JsonNode invitation = TestUsers.invite(server, TestUsers.email("hash"), "viewer");
        String token = invitation.get("claim_token").asText();
        List<String> hashes = server.server().database().read((Handle h) -> h.createQuery(
                "SELECT token_hash FROM claim_tokens WHERE user_id = :u").bind("u", invitation.get("user").get("id").asText())
                .mapTo(String.class).list());
        assertThat(hashes).containsExactly(ApiKeys.hash(token));
    }

    @Test
    void reissuingEndsTheOldTokenAndGivesANewOne() throws Exception {
        JsonNode invitation = TestUsers.invite(server, TestUsers.email("lost"), "developer");
        String userId = invitation.get("user").get("id").asText();
        HttpResponse<String> reissued = server.send("POST", "/api/v1/users/" + userId + "/claim-tokens", null);
        assertThat(reissued.statusCode()).isEqualTo(201);
        assertThat(TestUsers.claim(server, invitation.get("claim_token").asText(), null).statusCode()).isEqualTo(410);
        assertThat(TestUsers.claim(server, json(reissued).get("claim_token").asText(), null).statusCode()).isEqualTo(201);
    }

    @Test
    void revokingAUserStopsEveryOneOfItsKeysAtOnce() throws Exception {
        Account bob = TestUsers.create(server, TestUsers.email("bob"), "developer");
        Account bobsSecond = TestUsers.newKey(server, bob);
        assertThat(server.send("GET", "/api/v1/executions", null, bob.key()).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/executions", null, bobsSecond.key()).statusCode()).isEqualTo(200);

        HttpResponse<String> revoked = server.send("POST", "/api/v1/users/" + bob.userId() + "/revoke", null);
        assertThat(revoked.statusCode()).isEqualTo(200);
        assertThat(json(revoked).get("status").asText()).isEqualTo("revoked");
        for (String key : List.of(bob.key(), bobsSecond.key())) {
            HttpResponse<String> r = server.send("GET", "/api/v1/executions", null, key);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("api_key_revoked");
        }
        assertThat(server.send("POST", "/api/v1/users/" + bob.userId() + "/revoke", null).statusCode()).isEqualTo(409);
    }

    @Test
    void aRevokedEmailCanBeCreatedAgainAsANewAccountAndTheOldOneIsKept() throws Exception {
        String email = TestUsers.email("carol");
        Account first = TestUsers.create(server, email, "developer");
        server.send("POST", "/api/v1/executions", "{\"command\":\"true\"}", first.key());
        assertThat(server.send("POST", "/api/v1/users/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/revoke", null)
                .statusCode()).isEqualTo(200);

        Account second = TestUsers.create(server, email, "viewer");
        assertThat(second.userId()).isNotEqualTo(first.userId());
        assertThat(server.send("GET", "/api/v1/executions", null, first.key()).statusCode()).isEqualTo(401);
        assertThat(server.send("GET", "/api/v1/executions", null, second.key()).statusCode()).isEqualTo(200);

        JsonNode all = json(server.send("GET", "/api/v1/users?all=true", null)).get("items");
        assertThat(all.findValuesAsText("email").stream().filter(email::equals)).hasSize(2);
        JsonNode active = json(server.send("GET", "/api/v1/users", null)).get("items");
        assertThat(active.findValuesAsText("id")).contains(second.userId()).doesNotContain(first.userId());
        JsonNode history = json(server.send("GET", "/api/v1/audit?user=" + first.userId(), null)).get("items");
        assertThat(history.findValuesAsText("action")).contains("execution.create", "claim");
    }

    @Test
    void anEmailWithAnActiveAccountCannotBeCreatedTwice() throws Exception {
        String email = TestUsers.email("twice");
        TestUsers.invite(server, email, "viewer");
        HttpResponse<String> r = server.send("POST", "/api/v1/users", "{\"email\":\"" + email.toUpperCase() + "\",\"role\":\"viewer\"}");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(code(r)).isEqualTo("conflict");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no at sign|not-an-email|developer|needs exactly one @",
        "two at signs|a@@example.com|developer|needs exactly one @",
        "no dot in domain|a@example|developer|domain needs a dot",
        "space|sp ace@example.com|developer|before @",
        "leading dot|.a@example.com|developer|before @",
        "bad domain|a@-example.com|developer|not a host name",
        "empty|''|developer|email is missing",
        "unknown role|ok@example.com|superuser|unknown role 'superuser'",
        "missing role|ok@example.com||role is missing",
    })
    void malformedEmailsAndUnknownRolesAreRefusedAndNothingIsCreated(String name, String email, String role, String message)
            throws Exception {
        int before = userCount();
        String body = "{\"email\":\"" + (email == null ? "" : email) + "\"" + (role == null ? "" : ",\"role\":\"" + role + "\"") + "}";
        HttpResponse<String> r = server.send("POST", "/api/v1/users", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(code(r)).isEqualTo("invalid_request");
        assertThat(json(r).get("error").get("message").asText()).contains(message);
        assertThat(userCount()).isEqualTo(before);
    }

    @Test
    void anUnknownRoleCannotBeSetEither() throws Exception {
        Account dave = TestUsers.create(server, TestUsers.email("dave"), "developer");
        HttpResponse<String> r = server.send("PUT", "/api/v1/users/" + dave.userId() + "/role", "{\"role\":\"root\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(server.send("GET", "/api/v1/users/" + dave.userId(), null)).get("role").asText()).isEqualTo("developer");
    }

    @Test
    void aNewRoleTakesEffectOnTheVeryNextRequest() throws Exception {
        Account erin = TestUsers.create(server, TestUsers.email("erin"), "developer");
        assertThat(server.send("GET", "/api/v1/users", null, erin.key()).statusCode()).isEqualTo(403);
        assertThat(server.send("PUT", "/api/v1/users/" + erin.userId() + "/role", "{\"role\":\"operator\"}").statusCode())
                .isEqualTo(200);
        assertThat(server.send("GET", "/api/v1/users", null, erin.key()).statusCode()).isEqualTo(200);
    }

    @Test
    void theLastAdminWhoCanSignInCannotBeRevokedOrDemoted() throws Exception {
        // admin@localhost is the only admin: refused, and nothing changes.
        HttpResponse<String> revoke = server.send("POST", "/api/v1/users/admin@localhost/revoke", null);
        assertThat(revoke.statusCode()).isEqualTo(409);
        assertThat(json(revoke).get("error").get("message").asText()).contains("last admin");
        HttpResponse<String> demote = server.send("PUT", "/api/v1/users/admin@localhost/role", "{\"role\":\"operator\"}");
        assertThat(demote.statusCode()).isEqualTo(409);
        assertThat(server.send("GET", "/api/v1/users", null).statusCode()).isEqualTo(200);

        // An invited admin who has not claimed a key does not count; one who has, does.
        JsonNode pending = TestUsers.invite(server, TestUsers.email("pending-admin"), "admin");
        assertThat(server.send("POST", "/api/v1/users/admin@localhost/revoke", null).statusCode()).isEqualTo(409);
        Account second = TestUsers.create(server, TestUsers.email("second-admin"), "admin");
        HttpResponse<String> demoted = server.send("PUT", "/api/v1/users/" + second.userId() + "/role", "{\"role\":\"developer\"}");
        assertThat(demoted.statusCode()).isEqualTo(200);
        assertThat(server.send("PUT", "/api/v1/users/" + second.userId() + "/role", "{\"role\":\"admin\"}").statusCode())
                .isEqualTo(200);
        assertThat(server.send("POST", "/api/v1/users/" + pending.get("user").get("id").asText() + "/revoke", null)
                .statusCode()).isEqualTo(200);
    }
}
