package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import java.util.Locale;

/** Parses sizes such as {@code 512m}, {@code 2g}, {@code 65536} (bytes) for command options. Stateless. */
final class Sizes {
    private Sizes() {}

    /**
     * @param text a number of bytes, optionally followed by k, m or g (powers of 1024, any case)
     * @return the bytes
     * @throws ErrandException {@code invalid_request} (exit 2) for anything else
     */
    static long parse(String text) {
        String s = text.strip().toLowerCase(Locale.ROOT);
        long unit = switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = unit == 1 ? s : s.substring(0, s.length() - 1);
        try {
            long n = Long.parseLong(digits);
            if (n > 0 && n <= Long.MAX_VALUE / unit) {
                return n * unit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ErrandException.invalid("'" + text + "' is not a size: write bytes or a number with k, m or g, such as 512m");
    }
}
