package dev.errand.server.audit;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import dev.errand.protocol.TraceView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps the most recent server log lines that carry a request id (MDC {@code request_id}) in a
 * fixed-size ring in memory, so {@code errand trace} can show what the server logged while
 * handling a request. Lines of old requests are overwritten; nothing is written to disk; each
 * server process sees only its own lines. Attached to Logback's root logger by {@link #attach}.
 * Thread-safe.
 */
public final class RequestLogBuffer extends UnsynchronizedAppenderBase<ILoggingEvent> implements AutoCloseable {
    private static final int MAX_MESSAGE = 2000;
    private final String[] requestIds;
    private final TraceView.LogEntry[] lines;
    private long next;

    /** @param capacity how many lines to keep, at least 1 */
    public RequestLogBuffer(int capacity) {
        requestIds = new String[capacity];
        lines = new TraceView.LogEntry[capacity];
    }

    /**
     * Creates a buffer and attaches it to the root logger when Logback is the logging backend.
     *
     * @param capacity how many lines to keep
     * @return the buffer (it stays empty without Logback)
     */
    public static RequestLogBuffer attach(int capacity) {
        RequestLogBuffer buffer = new RequestLogBuffer(capacity);
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            buffer.setContext(context);
            buffer.setName("errand-request-log");
            buffer.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(buffer);
        }
        return buffer;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String id = event.getMDCPropertyMap().get("request_id");
        if (id == null) {
            return;
        }
        String message = event.getFormattedMessage();
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            message = message + " (" + t.getClassName() + ": " + t.getMessage() + ")";
        }
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        TraceView.LogEntry line = new TraceView.LogEntry(Instant.ofEpochMilli(event.getTimeStamp()),
                event.getLevel().toString(), event.getLoggerName(), message);
        synchronized (this) {
            int slot = (int) (next++ % lines.length);
            requestIds[slot] = id;
            lines[slot] = line;
        }
    }

    /** @return the kept lines of one request, oldest first */
    public synchronized List<TraceView.LogEntry> linesOf(String requestId) {
        List<TraceView.LogEntry> out = new ArrayList<>();
        long first = Math.max(0, next - lines.length);
        for (long i = first; i < next; i++) {
            int slot = (int) (i % lines.length);
            if (requestId.equals(requestIds[slot])) {
                out.add(lines[slot]);
            }
        }
        return out;
    }

    /** Detaches from the root logger. */
    @Override
    public void close() {
        if (getContext() instanceof LoggerContext context) {
            Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(this);
        }
        stop();
    }
}
