package dev.errand.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimestampsTest {
    @Test
    void formatsWithExactlyThreeFractionDigits() {
        assertThat(Timestamps.format(Instant.parse("2026-11-22T02:11:26Z"))).isEqualTo("2026-11-22T02:11:26.000Z");
        assertThat(Timestamps.format(Instant.parse("2026-01-02T03:04:05.0069Z"))).isEqualTo("2026-01-02T03:04:05.006Z");
        assertThat(Timestamps.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000Z");
    }

    @Test
    void randomInstantsRoundTripAtMillisecondPrecision() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochMilli(random.nextLong(0, 253_402_300_799_000L));
            String s = Timestamps.format(t);
            assertThat(Timestamps.parse(s)).isEqualTo(t);
            assertThat(Instant.parse(s)).isEqualTo(t);
        }
    }

    @Test
    void parsesAnyIsoInstantToo() {
        assertThat(Timestamps.parse("2026-11-22T02:11:26.123456789Z")).isEqualTo(Instant.parse("2026-11-22T02:11:26.123456789Z"));
        assertThat(Timestamps.parse("2026-11-22T02:11:26Z")).isEqualTo(Instant.parse("2026-11-22T02:11:26Z"));
    }
}
