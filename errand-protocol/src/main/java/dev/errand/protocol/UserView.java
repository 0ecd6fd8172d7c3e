package dev.errand.protocol;

import java.time.Instant;

/**
 * A user account as the API shows it. A person whose account was revoked and created again has
 * two records with the same email and different ids; only one can be not revoked.
 *
 * @param id the user id, {@code usr_} followed by 26 characters
 * @param email the email, lower-case
 * @param role {@code admin}, {@code operator}, {@code developer} or {@code viewer}
 * @param status {@code active} (has a usable key), {@code pending} (no usable key yet, for
 *     example an unclaimed invitation) or {@code revoked}
 * @param keys how many usable (not revoked, not expired) API keys the user has
 * @param createdAt when the account was created
 * @param createdBy the email of the admin who created it, or null for the first admin
 * @param revokedAt when it was revoked, else null
 * @param lastUsedAt the latest use of any of its keys (updated at most once a minute), else null
 */
public record UserView(
        String id,
        String email,
        String role,
        String status,
        int keys,
        Instant createdAt,
        String createdBy,
        Instant revokedAt,
        Instant lastUsedAt) {}
