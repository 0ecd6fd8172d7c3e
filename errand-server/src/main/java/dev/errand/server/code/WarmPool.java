package dev.errand.server.code;

import dev.errand.sandbox.StandbySandbox;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes of one language, started ahead and waiting on their stdin. {@link #take()} hands
 * each to exactly one run (a sandbox is never returned or reused) and starts a replacement in the
 * background, so the pool stays at its target size. When empty it starts one on the spot, so a
 * burst is served at cold-start speed rather than refused. Thread-safe.
 */
final class WarmPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WarmPool.class);

    /** Starts one sandbox of the pool's language. */
    interface Factory {
        /** @return a started sandbox */
        StandbySandbox start() throws IOException;
    }

    private final String name;
    private final Factory factory;
    private final LinkedBlockingDeque<StandbySandbox> idle = new LinkedBlockingDeque<>();
    private final AtomicInteger starting = new AtomicInteger();
    private final AtomicLong lastUsed = new AtomicLong(System.nanoTime());
    private volatile int target;
    private volatile boolean closed;

    /**
     * @param name the language id, for logs
     * @param factory starts sandboxes
     * @param target how many to keep waiting
     */
    WarmPool(String name, Factory factory, int target) {
        this.name = name;
        this.factory = factory;
        this.target = target;
    }

    /**
     * @return a waiting sandbox of its own, never handed out before
     * @throws IOException when none was waiting and one cannot be started
     */
    StandbySandbox take() throws IOException {
        lastUsed.set(System.nanoTime());
        StandbySandbox s;
        while ((s = idle.pollFirst()) != null && !s.isAlive()) {
            LOG.debug("dropping a dead warm sandbox of {}", name);
        }
        refill();
        return s != null ? s : factory.start();
    }

    /** Sets the target size and starts sandboxes to reach it, or kills surplus waiting ones. */
    void resize(int newTarget) {
        target = newTarget;
        StandbySandbox surplus;
        while (idle.size() > newTarget && (surplus = idle.pollLast()) != null) {
            surplus.kill(Duration.ZERO);
        }
        refill();
    }

    /** @return how many sandboxes the pool keeps waiting */
    int target() {
        return target;
    }

    /** @return how long ago a sandbox was last taken */
    Duration idleFor() {
        return Duration.ofNanos(System.nanoTime() - lastUsed.get());
    }

    /** @return how many sandboxes are waiting */
    int waiting() {
        return idle.size();
    }

    private void refill() {
        while (!closed && idle.size() + starting.get() < target) {
            starting.incrementAndGet();
            Thread.ofVirtual().name("errand-pool-" + name).start(() -> {
                try {
                    StandbySandbox s = factory.start();
                    if (closed) {
                        s.kill(Duration.ZERO);
                    } else {
                        idle.offerLast(s);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("could not start a warm sandbox of {}: {}", name, e.getMessage());
                } finally {
                    starting.decrementAndGet();
                }
            });
        }
    }

    /** Kills every waiting sandbox; later takes start sandboxes on the spot. */
    @Override
    public void close() {
        closed = true;
        StandbySandbox s;
        while ((s = idle.pollFirst()) != null) {
            s.kill(Duration.ZERO);
        }
    }
}
