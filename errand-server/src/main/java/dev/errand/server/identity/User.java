package dev.errand.server.identity;

/**
 * A user account as stored, with figures about its keys.
 *
 * @param id {@code usr_} + 26 characters
 * @param email the address, lower-case
 * @param role the current role
 * @param createdAt epoch ms
 * @param createdBy the email of the admin who created it, or null for the bootstrap admin
 * @param revokedAt epoch ms, or null while not revoked
 * @param usableKeys keys neither revoked nor expired (at query time)
 * @param lastUsedAt the latest last-used time of any of its keys (epoch ms), or null
 */
public record User(String id, String email, Role role, long createdAt, String createdBy, Long revokedAt,
        int usableKeys, Long lastUsedAt) {

    /** @return {@code revoked}, {@code active} (a usable key) or {@code pending} */
    public String status() {
        if (revokedAt != null) {
            return "revoked";
        }
        return usableKeys > 0 ? "active" : "pending";
    }
}
