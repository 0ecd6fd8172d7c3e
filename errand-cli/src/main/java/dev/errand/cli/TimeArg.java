package dev.errand.cli;

import dev.errand.playbook.DurationText;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * A point in time as typed for {@code --since}/{@code --until}: an RFC 3339 time
 * ({@code 2026-01-02T03:04:05Z}), a UTC date ({@code 2026-01-02}, meaning its midnight), or a
 * duration meaning "that long ago" ({@code 15m}, {@code 2h}, {@code 7d}).
 */
final class TimeArg {
    private TimeArg() {}

    /**
     * @throws IllegalArgumentException when the text is none of the accepted forms
     */
    static Instant parse(String text, Clock clock) {
        String t = text.strip();
        try {
            if (t.contains("T")) {
                return Instant.parse(t);
            }
            if (t.length() == 10 && t.charAt(4) == '-') {
                return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return clock.instant().minus(DurationText.parse(t));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid time '" + text
                    + "': use 2026-01-02T03:04:05Z, a date such as 2026-01-02, or a duration ago such as 15m, 2h, 7d");
        }
    }

    /** The picocli converter: a bad time is a usage error (exit 2). */
    static final class Converter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return parse(value, Clock.systemUTC());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
