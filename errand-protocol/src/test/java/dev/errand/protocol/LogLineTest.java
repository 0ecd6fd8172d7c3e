package dev.errand.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogLineTest {
    private static final Instant TS = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void plainTextMarksErrandsOwnNotesOnceAndLeavesTheCommandsLinesAlone() {
        assertThat(new LogLine(1, TS, LogStream.SYSTEM, "memory limit of 64 MiB exceeded").plainText())
                .isEqualTo("[errand] memory limit of 64 MiB exceeded");
        assertThat(new LogLine(2, TS, LogStream.STDOUT, "hi").plainText()).isEqualTo("hi");
        assertThat(new LogLine(3, TS, LogStream.STDERR, "oops").plainText()).isEqualTo("oops");
        assertThat(new LogLine(4, TS, LogStream.STDOUT, null).plainText()).isEmpty();
    }

    @Test
    void plainTextIsNotPartOfTheWireForm() throws Exception {
        String text = Json.newMapper().writeValueAsString(new LogLine(1, TS, LogStream.SYSTEM, "note"));
        assertThat(text).isEqualTo("{\"seq\":1,\"ts\":\"2026-01-01T00:00:00.000Z\",\"stream\":\"SYSTEM\",\"text\":\"note\"}");
    }
}
