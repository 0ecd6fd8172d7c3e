package dev.errand.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.playbook.DurationText;
import dev.errand.protocol.StreamEvent;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket log-stream connection: the JDK listener on one side, a queue of
 * {@link StreamConnector.Frame}s for the follower on the other. Text messages are reassembled
 * and parsed; unknown event types (a newer server) are skipped.
 *
 * <p>The JDK client can miss a peer that goes away without a close frame (an end of stream that
 * arrives while no frame is requested is never reported), so silence is checked here: after
 * {@code pingAfter} without a frame it sends a ping, and if nothing at all arrives within
 * {@code deadAfter} more the connection counts as dropped. Thread-safe.
 */
final class WebSocketLink implements WebSocket.Listener, StreamConnector.Connection {
    private final BlockingQueue<StreamConnector.Frame> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final ObjectMapper json;
    private final long pingAfterNanos;
    private final long deadAfterNanos;
    private volatile WebSocket socket;
    private volatile long lastHeard = System.nanoTime();
    private volatile long pingedAt;

    WebSocketLink(ObjectMapper json, Duration pingAfter, Duration deadAfter) {
        this.json = json;
        this.pingAfterNanos = pingAfter.toNanos();
        this.deadAfterNanos = deadAfter.toNanos();
    }

    @Override
    public Optional<StreamConnector.Frame> next(Duration timeout) throws InterruptedException {
        StreamConnector.Frame frame = frames.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (frame != null) {
            return Optional.of(frame);
        }
        long now = System.nanoTime();
        long silent = now - lastHeard;
        if (silent > pingAfterNanos + deadAfterNanos) {
            close();
            return Optional.of(new StreamConnector.Frame.Closed("no answer from the server for " + DurationText.format(Duration.ofNanos(silent))));
        }
        WebSocket current = socket;
        if (silent > pingAfterNanos && pingedAt - lastHeard <= 0 && current != null) {
            pingedAt = now;
            current.sendPing(ByteBuffer.allocate(0)).whenComplete((ws, error) -> {
                if (error != null) {
                    frames.add(new StreamConnector.Frame.Closed("ping failed: " + error.getMessage()));
                }
            });
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        WebSocket current = socket;
        if (current != null) {
            current.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        heard();
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        heard();
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            try {
                StreamEvent event = json.readValue(text, StreamEvent.class);
                if (event != null) {
                    frames.add(new StreamConnector.Frame.Event(event));
                }
            } catch (JsonProcessingException e) {
                frames.add(new StreamConnector.Frame.Closed("unreadable stream frame: " + e.getOriginalMessage()));
                webSocket.abort();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        heard();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        heard();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        frames.add(new StreamConnector.Frame.Closed("closed by the server (" + statusCode + (reason.isEmpty() ? "" : " " + reason) + ")"));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        frames.add(new StreamConnector.Frame.Closed(error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()));
    }

    private void heard() {
        lastHeard = System.nanoTime();
    }
}
