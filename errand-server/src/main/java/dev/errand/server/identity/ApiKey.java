package dev.errand.server.identity;

/**
 * An API key's metadata as stored (never the key; only its hash is kept).
 *
 * @param id {@code key_} + 26 characters
 * @param userId the owner's id
 * @param userEmail the owner's email
 * @param name the key's name
 * @param createdAt epoch ms
 * @param expiresAt epoch ms, or null for never
 * @param lastUsedAt epoch ms, or null when never used
 * @param revokedAt epoch ms, or null
 */
public record ApiKey(String id, String userId, String userEmail, String name, long createdAt, Long expiresAt,
        Long lastUsedAt, Long revokedAt) {

    /** @return {@code revoked}, {@code expired} or {@code active} at {@code now} (epoch ms) */
    public String status(long now) {
        if (revokedAt != null) {
            return "revoked";
        }
        return expiresAt != null && expiresAt <= now ? "expired" : "active";
    }

    /** @return true when the key still works at {@code now} */
    public boolean usable(long now) {
        return "active".equals(status(now));
    }
}
