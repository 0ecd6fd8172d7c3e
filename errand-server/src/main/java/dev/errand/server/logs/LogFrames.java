package dev.errand.server.logs;

import dev.errand.protocol.LogLine;
import dev.errand.protocol.Timestamps;
import java.util.List;

/**
 * Encodes {@code logs} stream frames by hand: the streaming hot path sends hundreds of thousands
 * of lines per second, and a direct writer is several times faster than data binding. The
 * output is exactly the JSON that {@code Json.newMapper()} writes for
 * {@link dev.errand.protocol.StreamEvent.Logs} (tested), so clients decode it either way.
 */
final class LogFrames {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private LogFrames() {}

    /** @return {@code {"type":"logs","lines":[{"seq":1,"ts":"...","stream":"STDOUT","text":"..."},...]}} */
    static String encode(List<LogLine> lines) {
        StringBuilder out = new StringBuilder(64 + lines.size() * 80);
        out.append("{\"type\":\"logs\",\"lines\":[");
        for (int i = 0; i < lines.size(); i++) {
            LogLine l = lines.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"seq\":").append(l.seq())
                    .append(",\"ts\":\"");
            Timestamps.format(l.ts(), out);
            out.append("\",\"stream\":\"").append(l.stream().name())
                    .append("\",\"text\":\"");
            escape(l.text(), out);
            out.append("\"}");
        }
        return out.append("]}").toString();
    }

    /** Appends {@code s} as the inside of a JSON string (RFC 8259 §7). */
    static void escape(String s, StringBuilder out) {
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(s, start, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
            }
            start = i + 1;
        }
        out.append(s, start, s.length());
    }
}
