package dev.errand.server.identity;

/**
 * A claim token as stored (its hash is the lookup key; the token itself is never kept).
 *
 * @param id {@code clm_} + 26 characters
 * @param userId the user it admits
 * @param createdAt epoch ms
 * @param expiresAt epoch ms, {@link ClaimTokens#VALIDITY} after creation
 * @param usedAt when it was redeemed (epoch ms), or null
 */
public record ClaimToken(String id, String userId, long createdAt, long expiresAt, Long usedAt) {}
