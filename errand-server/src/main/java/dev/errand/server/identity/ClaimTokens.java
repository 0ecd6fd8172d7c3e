package dev.errand.server.identity;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Claim token material: {@code erc_} followed by 256 random bits in unpadded base64url. A claim
 * token is single use and valid for {@link #VALIDITY}; only its SHA-256 hash is stored
 * ({@link ApiKeys#hash}). Redeeming one creates an API key. Thread-safe.
 */
public final class ClaimTokens {
    /** The prefix every claim token starts with. */
    public static final String PREFIX = "erc_";
    /** How long a claim token can be redeemed after it was issued. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClaimTokens() {}

    /** @return a new plaintext token; show it once, store only its hash */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** @return true when {@code token} has the shape of a claim token */
    public static boolean wellFormed(String token) {
        return token != null && token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43
                && token.substring(PREFIX.length()).chars().allMatch(ClaimTokens::base64url);
    }

    private static boolean base64url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }
}
