package dev.errand.server.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cryptography of a browser session. The cookie carries a token of 256 random bits
 * (unpadded base64url, 43 characters) that the server never stores. Three values are derived from
 * it with HMAC-SHA256 under distinct labels: the session's row id, the AES-256-GCM key that seals
 * the API key in that row, and the CSRF token. So the store alone opens nothing, and knowing the
 * CSRF token reveals nothing about the cookie. Thread-safe.
 */
final class SessionTokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final int IV_BYTES = 12;

    private SessionTokens() {}

    /** @return a new cookie token */
    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return B64.encodeToString(bytes);
    }

    /** @return true when {@code token} has the shape {@link #newToken()} makes */
    static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    /** @return the session's row id: 64 lower-case hex characters */
    static String id(String token) {
        return HexFormat.of().formatHex(derive(token, "errand web session id"));
    }

    /** @return the CSRF token the page sends as {@code X-CSRF-Token} */
    static String csrf(String token) {
        return B64.encodeToString(derive(token, "errand web csrf"));
    }

    /** @return {@code apiKey} encrypted under the token, bound to the row {@code id} */
    static String seal(String token, String id, String apiKey) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher aes = cipher(Cipher.ENCRYPT_MODE, token, id, iv);
            byte[] sealed = aes.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required by every JDK", e);
        }
    }

    /** @return the API key sealed by {@link #seal}, or empty when the token or row does not match */
    static Optional<String> unseal(String token, String id, String sealed) {
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(sealed);
            Cipher aes = cipher(Cipher.DECRYPT_MODE, token, id, Arrays.copyOf(bytes, IV_BYTES));
            byte[] key = aes.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return Optional.of(new String(key, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Cipher cipher(int mode, String token, String id, byte[] iv) throws GeneralSecurityException {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(mode, new SecretKeySpec(derive(token, "errand web session key"), "AES"), new GCMParameterSpec(128, iv));
        aes.updateAAD(id.getBytes(StandardCharsets.US_ASCII));
        return aes;
    }

    private static byte[] derive(String token, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every JDK", e);
        }
    }
}
