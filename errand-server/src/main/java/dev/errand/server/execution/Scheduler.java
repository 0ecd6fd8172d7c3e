package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.server.lock.LockStore;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes queued executions oldest first and hands them to the runner while capacity allows.
 * It is woken whenever an execution is queued or one ends, and also checks once a second as a
 * safety net. Claiming is a compare-and-set {@code QUEUED → STARTING}, so a kill of a queued
 * execution and its dispatch never both win. An execution with a lock is claimed only together
 * with its lock row, in the same transaction; while the lock is held it waits, without holding up
 * executions behind it that need another lock or none. Thread-safe.
 */
final class Scheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private final Database db;
    private final ExecutionStore store;
    private final LockStore locks;
    private final Clock clock;
    private final ExecutionRunner runner;
    private final Semaphore capacity;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean closed;
    private Thread loop;

    Scheduler(Database db, ExecutionStore store, LockStore locks, ExecutionRunner runner, int maxConcurrent,
            Clock clock) {
        this.db = db;
        this.store = store;
        this.locks = locks;
        this.clock = clock;
        this.runner = runner;
        this.capacity = new Semaphore(maxConcurrent);
    }

    /** Starts dispatching. */
    void start() {
        loop = Thread.ofVirtual().name("scheduler").start(this::loop);
    }

    /** Asks for a dispatch round soon; cheap and non-blocking. */
    void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    private void loop() {
        while (!closed) {
            try {
                dispatch();
                signal.tryAcquire(1, TimeUnit.SECONDS);
                signal.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("scheduler round failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    private void dispatch() {
        while (!closed && capacity.tryAcquire()) {
            Optional<Execution> next;
            try {
                next = claim();
            } catch (RuntimeException e) {
                capacity.release();
                throw e;
            }
            if (next.isEmpty()) {
                capacity.release();
                return;
            }
            Execution e = next.get();
            Thread.ofVirtual().name("run-" + e.id()).start(() -> {
                try {
                    runner.run(e);
                } finally {
                    capacity.release();
                    wake();
                }
            });
        }
    }

    /**
     * Follows an execution re-attached after a restart on its own thread. It takes a unit of
     * capacity when one is free; when more survived than capacity allows, they all still run.
     */
    void resume(Reconciler.Resumed r) {
        boolean took = capacity.tryAcquire();
        runner.claimed(r.execution().id());
        Thread.ofVirtual().name("run-" + r.execution().id()).start(() -> {
            try {
                runner.resume(r.execution(), r.handle(), r.log());
            } finally {
                if (took) {
                    capacity.release();
                }
                wake();
            }
        });
    }

    private Optional<Execution> claim() {
        return db.write(h -> {
            for (String id : store.queued(h, 8)) {
                Optional<Execution> e = store.find(h, id);
                String lock = e.map(Execution::lockName).orElse(null);
                if (lock != null && !locks.acquire(h, lock, id, clock.millis())) {
                    continue;
                }
                if (store.transition(h, id, ExecutionStatus.QUEUED, ExecutionStatus.STARTING, null, null, null, null)) {
                    runner.claimed(id);
                    return store.find(h, id);
                }
                if (lock != null) {
                    locks.releaseFor(h, id);
                }
            }
            return Optional.<Execution>empty();
        });
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        if (loop != null) {
            loop.interrupt();
        }
    }
}
