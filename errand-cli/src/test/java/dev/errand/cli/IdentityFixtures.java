package dev.errand.cli;

/** Canned answers of the identity and audit routes, as the real server writes them. */
final class IdentityFixtures {
    static final String USER_ID = "usr_01hz3k7qv9m2x8c4b6n0p5r7s1";
    static final String KEY_ID = "key_01hz3k7qv9m2x8c4b6n0p5r7s2";
    static final String TOKEN = "erc_" + "T".repeat(43);
    static final String API_KEY = "erk_" + "K".repeat(43);

    private IdentityFixtures() {}

    static String user(String email, String role, String status) {
        return """
                {"id":"%s","email":"%s","role":"%s","status":"%s","keys":1,"created_at":"2026-01-02T03:04:05Z",\
                "created_by":"admin@localhost","last_used_at":"2026-01-03T04:05:06Z"}""".formatted(USER_ID, email, role, status);
    }

    static String invitation(String email, String role) {
        return """
                {"user":%s,"claim_token":"%s","expires_at":"2099-01-02T03:19:05Z"}""".formatted(user(email, role, "pending"), TOKEN);
    }

    static String key(String name, String status) {
        return """
                {"id":"%s","name":"%s","user_id":"%s","user":"alice@example.com","status":"%s",\
                "created_at":"2026-01-02T03:04:05Z","expires_at":"2026-04-02T03:04:05Z"}""".formatted(KEY_ID, name, USER_ID, status);
    }

    static String newKey(String name) {
        return "{\"api_key\":\"" + API_KEY + "\",\"key\":" + key(name, "active") + ",\"user\":"
                + user("alice@example.com", "developer", "active") + "}";
    }

    static String entry(long seq, String action, String outcome) {
        return """
                {"seq":%d,"at":"2026-01-02T03:04:05.123Z","request_id":"req_%d","user_id":"%s","user":"alice@example.com",\
                "key_id":"%s","role":"developer","action":"%s","target":"execution:ex_1","outcome":"%s","status":202,\
                "source":"10.0.0.7","prev_hash":"%s","hash":"%s"}""".formatted(seq, seq, USER_ID, KEY_ID, action, outcome,
                "0".repeat(64), "a".repeat(64));
    }
}
