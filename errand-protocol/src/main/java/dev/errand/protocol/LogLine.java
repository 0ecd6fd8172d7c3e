package dev.errand.protocol;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * One stored log line of an execution, addressed by {@code (execution id, seq)}.
 *
 * @param seq the sequence number, starting at 1 and without gaps within an execution
 * @param ts when the line was read from the sandbox (UTC, millisecond precision; on the wire
 *     always {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, see {@link Timestamps})
 * @param stream stdout, stderr or system
 * @param text the line without its terminating newline, already masked for secrets; Errand's own
 *     notes are stored without a marker, as {@link LogStream#SYSTEM} already says who wrote them
 */
public record LogLine(
        long seq,
        @JsonSerialize(using = Timestamps.Serializer.class) @JsonDeserialize(using = Timestamps.Deserializer.class)
        Instant ts,
        LogStream stream,
        String text) {

    /** What marks Errand's own notes where a log is shown as plain text: {@value}. */
    public static final String SYSTEM_MARKER = "[errand] ";

    /**
     * @return the line as one line of plain text (no newline): the text, with {@link #SYSTEM_MARKER}
     *     before Errand's own notes so a log read without its streams still tells them apart; a
     *     missing text is empty
     */
    public String plainText() {
        String body = text == null ? "" : text;
        return stream == LogStream.SYSTEM ? SYSTEM_MARKER + body : body;
    }
}
