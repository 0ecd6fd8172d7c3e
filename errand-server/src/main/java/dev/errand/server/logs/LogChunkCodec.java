package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.LogStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Packs consecutive log lines into one stored chunk and back. Format (version 1): a version
 * byte, the first line's time as a varint of epoch ms, then per line: the zig-zag varint
 * difference of its time from the previous line's (ms), one byte of stream ordinal, a varint
 * byte length and the UTF-8 text. Seqs are implicit: {@code first_seq + index}. Stateless.
 */
final class LogChunkCodec {
    private static final byte VERSION = 1;
    private static final LogStream[] STREAMS = LogStream.values();

    private LogChunkCodec() {}

    /** @param lines consecutive lines, at least one */
    static byte[] encode(List<LogLine> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(lines.size() * 24);
        out.write(VERSION);
        long prev = lines.getFirst().ts().toEpochMilli();
        writeVarLong(out, prev);
        for (LogLine l : lines) {
            long ts = l.ts().toEpochMilli();
            long delta = ts - prev;
            writeVarLong(out, (delta << 1) ^ (delta >> 63));
            prev = ts;
            out.write(l.stream().ordinal());
            byte[] text = l.text().getBytes(StandardCharsets.UTF_8);
            writeVarLong(out, text.length);
            out.write(text, 0, text.length);
        }
        return out.toByteArray();
    }

    /**
     * @param firstSeq the seq of the chunk's first line
     * @param data an encoded chunk
     * @param fromSeq skip lines below this seq
     * @param limit decode at most this many lines
     * @return the lines, ascending seq
     */
    static List<LogLine> decode(long firstSeq, byte[] data, long fromSeq, int limit) {
        if (data.length == 0 || data[0] != VERSION) {
            throw new IllegalStateException("unknown log chunk version " + (data.length == 0 ? "(empty)" : data[0]));
        }
        int[] pos = {1};
        long ts = readVarLong(data, pos);
        List<LogLine> out = new ArrayList<>();
        for (long seq = firstSeq; pos[0] < data.length && out.size() < limit; seq++) {
            long zz = readVarLong(data, pos);
            ts += (zz >>> 1) ^ -(zz & 1);
            LogStream stream = STREAMS[data[pos[0]++]];
            int len = (int) readVarLong(data, pos);
            if (seq >= fromSeq) {
                out.add(new LogLine(seq, Instant.ofEpochMilli(ts), stream,
                        new String(data, pos[0], len, StandardCharsets.UTF_8)));
            }
            pos[0] += len;
        }
        return out;
    }

    private static void writeVarLong(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarLong(byte[] data, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte b = data[pos[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
            shift += 7;
        }
    }
}
