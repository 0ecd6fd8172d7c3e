package dev.errand.server.identity;

/**
 * A stored API key joined with its user, as authentication needs it.
 *
 * @param keyId the key's id
 * @param keyHash the SHA-256 hex of the key
 * @param userId the owner's id
 * @param email the owner's email
 * @param role the owner's role
 * @param expiresAt expiry in epoch ms, or null
 * @param keyRevokedAt when the key was revoked (epoch ms), or null
 * @param userRevokedAt when the user was revoked (epoch ms), or null
 */
public record KeyRecord(
        String keyId,
        String keyHash,
        String userId,
        String email,
        Role role,
        Long expiresAt,
        Long keyRevokedAt,
        Long userRevokedAt) {}
