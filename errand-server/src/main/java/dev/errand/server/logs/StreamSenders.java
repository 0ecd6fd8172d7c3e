package dev.errand.server.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;

/**
 * The two transports of the log stream. Both block until a frame is written, so a slow client
 * slows its own follower (which then catches up from the store) and nobody else.
 */
final class StreamSenders {
    private StreamSenders() {}

    /** WebSocket text frames; keep-alives are pings; closes with 1000 "end of log". */
    static LogFollower.Sender webSocket(Session session) {
        return new LogFollower.Sender() {
            @Override
            public void send(String text) throws IOException {
                Callback.Completable done = new Callback.Completable();
                session.sendText(text, done);
                await(done);
            }

            @Override
            public void keepAlive() throws IOException {
                Callback.Completable done = new Callback.Completable();
                session.sendPing(ByteBuffer.allocate(0), done);
                await(done);
            }

            @Override
            public void close() {
                if (session.isOpen()) {
                    session.close(StatusCode.NORMAL, "end of log", Callback.NOOP);
                }
            }
        };
    }

    /** Server-Sent Events: one {@code data:} event per frame, comments as keep-alives. */
    static LogFollower.Sender serverSentEvents(OutputStream out) {
        return new LogFollower.Sender() {
            @Override
            public void send(String text) throws IOException {
                out.write(("data: " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }

            @Override
            public void keepAlive() throws IOException {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }

            @Override
            public void close() {
                // The response ends when the handler returns.
            }
        };
    }

    private static void await(Callback.Completable done) throws IOException {
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException(e.getCause());
        }
    }
}
