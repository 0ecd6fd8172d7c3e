package dev.errand.server.identity;

import java.security.SecureRandom;

/**
 * Makes resource ids: a prefix and 26 Crockford base32 characters, the first ten encoding the
 * creation time in milliseconds (as in ULID), so ids sort by creation time. Thread-safe.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /**
     * @param prefix such as {@code ex_}
     * @return a new id such as {@code ex_01jd0m5v2c8q4w7x9y3z5a6b7c}
     */
    public static String next(String prefix) {
        char[] out = new char[26];
        long time = System.currentTimeMillis();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long bits = 0;
        int available = 0;
        int j = 0;
        for (int i = 10; i < 26; i++) {
            if (available < 5) {
                bits = (bits << 8) | (random[j++] & 0xff);
                available += 8;
            }
            out[i] = ALPHABET[(int) ((bits >>> (available - 5)) & 31)];
            available -= 5;
        }
        return prefix + new String(out);
    }

    /** @return true when {@code id} has the given prefix and the 26-character body */
    public static boolean valid(String prefix, String id) {
        if (id == null || !id.startsWith(prefix) || id.length() != prefix.length() + 26) {
            return false;
        }
        for (int i = prefix.length(); i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))) {
                return false;
            }
        }
        return true;
    }
}
