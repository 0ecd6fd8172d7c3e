package dev.errand.playbook;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type and read them: {@code 90s}, {@code 10m}, {@code 1h30m}, {@code 2d},
 * or plain seconds ({@code 600}). A playbook's {@code timeout} is written this way, and so are the
 * CLI's duration options, which is why it lives here, where both read it. Stateless.
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");
    private static final Pattern WHOLE = Pattern.compile("(\\d+[dhms])+");

    private DurationText() {}

    /**
     * @param text such as {@code 90s}, {@code 10m}, {@code 1h}, {@code 1h30m} or {@code 600}
     * @return the duration
     * @throws IllegalArgumentException when the text is not a duration
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d{1,12}")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.length() <= 32 && WHOLE.matcher(t).matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(t);
                while (part.find()) {
                    long n = Long.parseLong(part.group(1));
                    total = total.plus(switch (part.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    });
                }
                return total;
            }
        } catch (ArithmeticException | NumberFormatException tooLarge) {
            // Reported below like any other bad value.
        }
        throw new IllegalArgumentException("invalid duration '" + text + "': use 90s, 10m, 1h, 1h30m or plain seconds");
    }

    /** @return an elapsed time: {@code 42ms}, {@code 1.2s}, {@code 2m 3s}, {@code 1h 2m}, {@code 3d 4h} */
    public static String format(Duration d) {
        long millis = Math.max(0, d.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        return formatSeconds(millis / 1000, 2);
    }

    /** @return a whole-second limit in its largest units: {@code 30s}, {@code 10m}, {@code 1h 30m} */
    public static String formatSeconds(long seconds) {
        return formatSeconds(seconds, 4);
    }

    private static String formatSeconds(long seconds, int maxParts) {
        long[] values = {seconds / 86_400, seconds % 86_400 / 3600, seconds % 3600 / 60, seconds % 60};
        String[] units = {"d", "h", "m", "s"};
        StringBuilder out = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < values.length && parts < maxParts; i++) {
            if (values[i] > 0 || parts > 0 && maxParts < 4) {
                out.append(out.isEmpty() ? "" : " ").append(values[i]).append(units[i]);
                parts++;
            }
        }
        return out.isEmpty() ? "0s" : out.toString();
    }
}
