package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/users}: every matching account, sorted by email, then by
 * creation time.
 *
 * @param items the accounts
 */
public record UserPage(List<UserView> items) {}
