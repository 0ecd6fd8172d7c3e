package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/keys}: keys sorted by owner email, then creation time.
 *
 * @param items the keys
 */
public record KeyPage(List<KeyView> items) {}
