package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code GET /api/v1/secrets}: every secret's metadata, never a value.
 *
 * @param items the secrets, sorted by name
 */
public record SecretList(List<SecretView> items) {}
