package dev.errand.protocol;

import java.time.Instant;

/**
 * The answer of {@code POST /api/v1/users} (201) and {@code POST /api/v1/users/{user}/claim-tokens}
 * (201): the account and a claim token that is shown this once. The server keeps only its
 * SHA-256 hash.
 *
 * @param user the account the token is for
 * @param claimToken {@code erc_} followed by 43 base64url characters (256 random bits)
 * @param expiresAt when the token stops working (15 minutes after creation)
 */
public record ClaimTokenView(UserView user, String claimToken, Instant expiresAt) {}
