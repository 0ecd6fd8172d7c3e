package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.LogStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LinePumpTest {

    @Test
    void splitsOnNewlinesAndKeepsEmptyLines() throws Exception {
        assertThat(pump("a\n\nb\n\n", 100)).containsExactly("a", "", "b", "");
    }

    @Test
    void deliversAFinalLineWithoutNewline() throws Exception {
        assertThat(pump("first\nlast", 100)).containsExactly("first", "last");
    }

    @Test
    void dropsTheCarriageReturnOfCrlf() throws Exception {
        assertThat(pump("dos\r\nline\r\nin\rside\r", 100)).containsExactly("dos", "line", "in\rside");
    }

    @Test
    void deliversNothingForEmptyInput() throws Exception {
        assertThat(pump("", 100)).isEmpty();
    }

    @Test
    void splitsLongLinesIntoPiecesOfTheMaximum() throws Exception {
        assertThat(pump("abcdefghij\nxy\n", 4)).containsExactly("abcd", "efgh", "ij", "xy");
        assertThat(pump("abcd\r\n", 4)).containsExactly("abcd");
    }

    @Test
    void neverCutsInsideAUtf8Sequence() throws Exception {
        // "aé€😀" is 1 + 2 + 3 + 4 bytes
        assertThat(pump("aé€😀aé€😀\n", 5)).containsExactly("aé", "€", "😀a", "é€", "😀");
    }

    @Test
    void splitsALongLineThatArrivesInManyReads() throws Exception {
        String line = "x".repeat(300_000);

        List<String> lines = pump(new TrickleStream((line + "\nend").getBytes(StandardCharsets.UTF_8), 7_000), 100_000);

        assertThat(lines).containsExactly("x".repeat(100_000), "x".repeat(100_000), "x".repeat(100_000), "end");
    }

    @Test
    void replacesMalformedUtf8() throws Exception {
        byte[] bytes = {'o', 'k', (byte) 0xFF, '\n', (byte) 0xC3, '\n'};

        assertThat(pump(new ByteArrayInputStream(bytes), 100)).containsExactly("ok\uFFFD", "\uFFFD");
    }

    @Test
    void tagsLinesWithTheirStreamAndClosesTheInput() throws Exception {
        List<LogStream> streams = new ArrayList<>();
        AtomicBoolean closed = new AtomicBoolean();
        InputStream in = new ByteArrayInputStream("x\ny\n".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public void close() {
                closed.set(true);
            }
        };

        LinePump.start(in, LogStream.STDERR, (s, text, ts) -> streams.add(s), 100).join();

        assertThat(streams).containsExactly(LogStream.STDERR, LogStream.STDERR);
        assertThat(closed).isTrue();
    }

    @Test
    void aMaximumBelowFourBytesIsRejected() {
        assertThatThrownBy(() -> LinePump.start(InputStream.nullInputStream(), LogStream.STDOUT, (s, t, ts) -> {}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pumpsMillionsOfShortLinesPerSecond() throws Exception {
        byte[] input = "a log line of 24 bytes.\n".repeat(2_000_000).getBytes(StandardCharsets.US_ASCII);
        long[] count = {0};
        long t0 = System.nanoTime();

        LinePump.start(new ByteArrayInputStream(input), LogStream.STDOUT, (s, text, ts) -> count[0]++, 8192).join();

        double seconds = (System.nanoTime() - t0) / 1e9;
        assertThat(count[0]).isEqualTo(2_000_000);
        assertThat(count[0] / seconds).as("lines per second").isGreaterThan(1_000_000);
    }

    private static List<String> pump(String input, int max) throws InterruptedException {
        return pump(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static List<String> pump(InputStream in, int max) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        LinePump.start(in, LogStream.STDOUT, (s, text, ts) -> lines.add(text), max).join();
        return lines;
    }

    /** Hands out at most {@code chunk} bytes per read, like a pipe. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int chunk;

        TrickleStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
