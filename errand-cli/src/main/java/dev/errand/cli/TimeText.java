package dev.errand.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Instants as the CLI prints them, always in UTC. */
final class TimeText {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private TimeText() {}

    /** @return {@code yyyy-MM-dd HH:mm:ss} in UTC, or {@code -} for null */
    static String seconds(Instant instant) {
        return instant == null ? "-" : SECONDS.format(instant);
    }

    /** @return RFC 3339 UTC with milliseconds, such as {@code 2026-01-02T03:04:05.678Z} */
    static String millis(Instant instant) {
        return MILLIS.format(instant);
    }
}
