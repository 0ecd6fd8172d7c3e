package dev.errand.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * API key material: {@code erk_} followed by 256 random bits in unpadded base64url (43
 * characters). Only the SHA-256 hash (hex) is ever stored. Thread-safe.
 */
public final class ApiKeys {
    /** The prefix every Errand API key starts with. */
    public static final String PREFIX = "erk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {}

    /** @return a new plaintext key; show it once, store only {@link #hash(String)} */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * @param key a plaintext key
     * @return its SHA-256 hash, 64 lower-case hex characters
     */
    public static String hash(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    /** @return true when {@code key} has the shape of an Errand key (prefix and 43 base64url characters) */
    public static boolean wellFormed(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() != PREFIX.length() + 43) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
