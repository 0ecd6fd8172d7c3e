package dev.errand.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"90s, 90", "10m, 600", "1h, 3600", "1h30m, 5400", "2d, 172800", "600, 600", "0, 0", "' 5M ', 300", "1m1s, 61"})
    void durationsParseFromUnitsOrPlainSeconds(String text, long seconds) {
        assertThat(DurationText.parse(text)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "1.5h", "-5s", "10mins", "h", "99999999999999999999s"})
    void anythingElseIsRejectedWithTheAcceptedForms(String text) {
        assertThatThrownBy(() -> DurationText.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("use 90s, 10m, 1h, 1h30m or plain seconds");
    }

    @Test
    void elapsedTimesReadNaturally() {
        assertThat(DurationText.format(Duration.ofMillis(1234))).isEqualTo("1.2s");
        assertThat(DurationText.format(Duration.ofSeconds(125))).isEqualTo("2m 5s");
        assertThat(DurationText.format(Duration.ofSeconds(3605))).isEqualTo("1h 0m");
        assertThat(DurationText.format(Duration.ofHours(50))).isEqualTo("2d 2h");
        assertThat(DurationText.format(Duration.ofMillis(42))).isEqualTo("42ms");
        assertThat(DurationText.format(Duration.ofSeconds(-3))).isEqualTo("0ms");
    }

    @Test
    void limitsShowTheirNonZeroUnits() {
        assertThat(DurationText.formatSeconds(30)).isEqualTo("30s");
        assertThat(DurationText.formatSeconds(600)).isEqualTo("10m");
        assertThat(DurationText.formatSeconds(5400)).isEqualTo("1h 30m");
        assertThat(DurationText.formatSeconds(0)).isEqualTo("0s");
    }
}
