package dev.errand.protocol;

import java.time.Instant;

/**
 * An API key's metadata. The key itself is never shown again after creation.
 *
 * @param id the key id, {@code key_} followed by 26 characters
 * @param name the key's name, such as {@code laptop}
 * @param userId the owner's user id
 * @param user the owner's email
 * @param status {@code active}, {@code expired} or {@code revoked}
 * @param createdAt when it was created
 * @param expiresAt when it stops working, or null for never
 * @param lastUsedAt its latest use (updated at most once a minute), or null
 * @param revokedAt when it was revoked, or null
 */
public record KeyView(
        String id,
        String name,
        String userId,
        String user,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        Instant revokedAt) {}
