package dev.errand.server.web;

import dev.errand.server.TestServer;
import dev.errand.server.identity.ApiKeys;
import dev.errand.server.identity.Ids;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Role;

/**
 * Users of other roles for the web tests, written straight into the store: this server has no
 * user-management API yet (the identity work adds it).
 */
final class TestUsers {
    private TestUsers() {}

    /** Creates a user with one API key; returns the key. */
    static String create(TestServer server, String email, String role) {
        JdbiIdentityStore store = new JdbiIdentityStore();
        String key = ApiKeys.generate();
        server.server().database().write(h -> {
            String userId = Ids.next("usr_");
            long now = System.currentTimeMillis();
            store.insertUser(h, userId, email, Role.parse(role), now);
            store.insertKey(h, Ids.next("key_"), userId, "test", ApiKeys.hash(key), now, null);
            return null;
        });
        return key;
    }

    /** Revokes every key of the user with this email. */
    /** Revokes the user (and so every key of theirs) through the admin API, as an admin would. */
    static void revokeKeys(TestServer server, String email) throws Exception {
        int status = server.send("POST", "/api/v1/users/" + email + "/revoke", null).statusCode();
        if (status != 200) {
            throw new IllegalStateException("revoking " + email + " answered " + status);
        }
    }
}
