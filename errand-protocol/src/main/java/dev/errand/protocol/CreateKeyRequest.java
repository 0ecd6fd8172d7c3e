package dev.errand.protocol;

/**
 * The body of {@code POST /api/v1/keys}: a new API key for the caller.
 *
 * @param name a name unique among the caller's usable keys, 1 to 64 characters of letters,
 *     digits, {@code .}, {@code _}, {@code -} and {@code @}
 * @param expiresInSeconds the key stops working this many seconds after creation (60 to
 *     315360000, ten years), or null for no expiry
 */
public record CreateKeyRequest(String name, Long expiresInSeconds) {}
