package dev.errand.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Log-line timestamps on the wire: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-22T02:11:26.042Z}), written and read without {@code DateTimeFormatter}
 * because log streams carry hundreds of thousands of them per second. Parsing accepts any
 * ISO-8601 instant ({@link Instant#parse}) when the input is not in the fixed form.
 */
public final class Timestamps {
    private Timestamps() {}

    /** Appends {@code t}, truncated to milliseconds, in the fixed form. */
    public static void format(Instant t, StringBuilder out) {
        long ms = t.toEpochMilli();
        LocalDateTime d = LocalDateTime.ofEpochSecond(Math.floorDiv(ms, 1000), 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            out.append(Instant.ofEpochMilli(ms));
            return;
        }
        pad(out, year, 4).append('-');
        pad(out, d.getMonthValue(), 2).append('-');
        pad(out, d.getDayOfMonth(), 2).append('T');
        pad(out, d.getHour(), 2).append(':');
        pad(out, d.getMinute(), 2).append(':');
        pad(out, d.getSecond(), 2).append('.');
        pad(out, (int) Math.floorMod(ms, 1000), 3).append('Z');
    }

    /** @return {@code t} in the fixed form */
    public static String format(Instant t) {
        StringBuilder b = new StringBuilder(24);
        format(t, b);
        return b.toString();
    }

    /**
     * @param s an ISO-8601 instant
     * @return the instant
     * @throws DateTimeParseException when {@code s} is not an ISO-8601 instant
     */
    public static Instant parse(String s) {
        if (s.length() == 24 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && s.charAt(19) == '.' && s.charAt(23) == 'Z') {
            int year = num(s, 0, 4);
            int month = num(s, 5, 2);
            int day = num(s, 8, 2);
            int hour = num(s, 11, 2);
            int minute = num(s, 14, 2);
            int second = num(s, 17, 2);
            int millis = num(s, 20, 3);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60
                    && second < 60 && millis >= 0) {
                long days = LocalDate.of(year, month, day).toEpochDay();
                return Instant.ofEpochMilli(((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + millis);
            }
        }
        return Instant.parse(s);
    }

    private static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            int c = s.charAt(i) - '0';
            if (c < 0 || c > 9) {
                return -1_000_000;
            }
            v = v * 10 + c;
        }
        return v;
    }

    private static StringBuilder pad(StringBuilder out, int v, int width) {
        for (int p = width == 4 ? 1000 : width == 3 ? 100 : 10; p > 1 && v < p; p /= 10) {
            out.append('0');
        }
        return out.append(v);
    }

    /** Jackson serializer writing the fixed form. */
    public static final class Serializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Creates the serializer. */
        public Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(format(value));
        }
    }

    /** Jackson deserializer reading any ISO-8601 instant, fast for the fixed form. */
    public static final class Deserializer extends StdDeserializer<Instant> {
        private static final long serialVersionUID = 1L;

        /** Creates the deserializer. */
        public Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
                return parse(p.getValueAsString());
            } catch (DateTimeParseException | NullPointerException e) {
                return (Instant) ctx.handleWeirdStringValue(Instant.class, p.getValueAsString(), "not an ISO-8601 instant");
            }
        }
    }
}
