package dev.errand.server.logs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.Json;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import dev.errand.protocol.StreamEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogFramesTest {
    private final ObjectMapper json = Json.newMapper();

    @Test
    void encodesExactlyWhatTheWireMapperWrites() throws Exception {
        List<LogLine> lines = List.of(
                new LogLine(1, Instant.parse("2026-11-22T02:11:26.123Z"), LogStream.STDOUT, "plain"),
                new LogLine(2, Instant.parse("2026-11-22T02:11:26Z"), LogStream.STDERR, "quote \" back \\ tab \t nl \n"),
                new LogLine(3, Instant.parse("2026-11-22T02:11:26.100Z"), LogStream.SYSTEM, "ctl \u0001\u001f ünï 😀"));
        assertThat(LogFrames.encode(lines)).isEqualTo(json.writeValueAsString(new StreamEvent.Logs(lines)));
    }

    @Test
    void randomTextRoundTripsThroughTheDecoder() throws Exception {
        Random random = new Random(20261122);
        for (int run = 0; run < 500; run++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                int kind = random.nextInt(4);
                text.appendCodePoint(switch (kind) {
                    case 0 -> random.nextInt(0x20);
                    case 1 -> 0x20 + random.nextInt(0x60);
                    case 2 -> 0xA0 + random.nextInt(0xD000);
                    default -> 0x1F600 + random.nextInt(80);
                });
            }
            List<LogLine> lines = new ArrayList<>();
            lines.add(new LogLine(run + 1, Instant.ofEpochMilli(random.nextLong(0, 4_000_000_000_000L)), LogStream.STDOUT,
                    text.toString()));
            String encoded = LogFrames.encode(lines);
            assertThat(json.readValue(encoded, StreamEvent.class)).isEqualTo(new StreamEvent.Logs(lines));
            assertThat(encoded).isEqualTo(json.writeValueAsString(new StreamEvent.Logs(lines)));
        }
    }
}
