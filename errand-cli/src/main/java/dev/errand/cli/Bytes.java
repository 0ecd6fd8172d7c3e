package dev.errand.cli;

import java.util.Locale;

/** Formats sizes and money for tables and fields. */
final class Bytes {
    private Bytes() {}

    /** @return {@code 12.3 MiB}, or null for null */
    static String mib(Long bytes) {
        return bytes == null ? null : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    /** @return {@code $0.000123}: six decimals, as small runs cost fractions of a cent */
    static String usd(double dollars) {
        return String.format(Locale.ROOT, "$%.6f", dollars);
    }
}
