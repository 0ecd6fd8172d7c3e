package dev.errand.protocol;

/**
 * A newly made API key, from {@code POST /api/v1/keys} and {@code POST /api/v1/claim} (both 201).
 * This is the only time the key is shown; the server keeps its SHA-256 hash.
 *
 * @param apiKey the key: {@code erk_} followed by 43 base64url characters (256 random bits)
 * @param key the key's metadata
 * @param user the key's owner (in the answer to a claim; null otherwise, as {@code key.user} names it)
 */
public record NewKeyView(String apiKey, KeyView key, UserView user) {}
