package dev.errand.server.web;

/**
 * A stored browser session (table {@code web_sessions}). Times are epoch milliseconds.
 *
 * @param id the HMAC of the cookie token (see {@link SessionTokens#id})
 * @param userId the signed-in user
 * @param keyId the API key the browser signed in with
 * @param sealedKey that key, sealed under the cookie token
 * @param createdAt when the session began
 * @param lastSeenAt the last request made with it (written at most once a minute)
 * @param expiresAt when it ends however active it is
 */
public record WebSession(String id, String userId, String keyId, String sealedKey, long createdAt, long lastSeenAt,
        long expiresAt) {}
