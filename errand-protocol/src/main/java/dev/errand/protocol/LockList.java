package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/locks}.
 *
 * @param items the held locks, by name
 */
public record LockList(List<LockView> items) {}
