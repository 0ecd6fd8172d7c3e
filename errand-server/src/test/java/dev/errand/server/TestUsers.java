package dev.errand.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** Makes users with keys on a {@link TestServer} the way people do: an admin invites, the user claims. */
public final class TestUsers {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private TestUsers() {}

    /**
     * A user and one of its keys.
     *
     * @param userId {@code usr_...}
     * @param email the address
     * @param key the plaintext API key
     * @param keyId {@code key_...}
     */
    public record Account(String userId, String email, String key, String keyId) {}

    /** @return a unique address such as {@code user-7@example.com} */
    public static String email(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet() + "@example.com";
    }

    /** Creates the user (as admin) and returns its claim token. */
    public static JsonNode invite(TestServer server, String email, String role) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/users",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return TestServer.JSON.readTree(r.body());
    }

    /** Redeems a claim token (no key sent). */
    public static HttpResponse<String> claim(TestServer server, String token, String keyName) throws Exception {
        String name = keyName == null ? "" : ",\"key_name\":\"" + keyName + "\"";
        return server.send("POST", "/api/v1/claim", "{\"token\":\"" + token + "\"" + name + "}", null);
    }

    /** Invites and claims: a ready account with one key. */
    public static Account create(TestServer server, String email, String role) throws Exception {
        JsonNode invitation = invite(server, email, role);
        HttpResponse<String> r = claim(server, invitation.get("claim_token").asText(), "test");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode claimed = TestServer.JSON.readTree(r.body());
        return new Account(claimed.get("user").get("id").asText(), email, claimed.get("api_key").asText(),
                claimed.get("key").get("id").asText());
    }

    /** Creates another key for an account. */
    public static Account newKey(TestServer server, Account a) throws Exception {
        HttpResponse<String> r = server.send("POST", "/api/v1/keys", "{\"name\":\"k" + NEXT.incrementAndGet() + "\"}", a.key());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode made = TestServer.JSON.readTree(r.body());
        return new Account(a.userId(), a.email(), made.get("api_key").asText(), made.get("key").get("id").asText());
    }
}
