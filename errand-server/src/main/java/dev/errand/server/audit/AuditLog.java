package dev.errand.server.audit;

import dev.errand.protocol.AuditVerification;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.server.store.Database;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The append-only, hash-chained audit log. Appends go through one writer thread that takes every
 * waiting entry (up to {@value #MAX_BATCH}) and chains them in one transaction (group commit), so
 * concurrent requests share a commit and the chain is computed by one appender at a time; across
 * server processes the head row lock serializes them ({@link AuditStore#lockHead}). Thread-safe.
 */
public final class AuditLog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int MAX_BATCH = 256;
    private static final int PAGE = 1000;
    private final Database db;
    private final AuditStore store;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    private record Pending(AuditDraft draft, CompletableFuture<AuditEntry> done) {}

    /**
     * Starts the writer thread.
     *
     * @param db the store
     * @param store the audit SQL
     */
    public AuditLog(Database db, AuditStore store) {
        this.db = db;
        this.store = store;
        this.writer = Thread.ofVirtual().name("audit-writer").start(this::run);
    }

    /** @return a future completed with the sealed entry once it is committed */
    public CompletableFuture<AuditEntry> submit(AuditDraft draft) {
        CompletableFuture<AuditEntry> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new ErrandException(ErrorCode.UNAVAILABLE, "the audit log is closed"));
        } else {
            queue.add(new Pending(draft, done));
        }
        return done;
    }

    /**
     * Appends an entry and waits until it is committed.
     *
     * @throws ErrandException {@code unavailable} when it could not be written within 10 s
     */
    public AuditEntry append(AuditDraft draft) {
        try {
            return submit(draft).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "could not write the audit entry", e.getCause());
        } catch (TimeoutException e) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "the audit entry was not written within 10 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ErrandException(ErrorCode.UNAVAILABLE, "interrupted while writing the audit entry", e);
        }
    }

    private void run() {
        while (!closed || !queue.isEmpty()) {
            List<Pending> batch = new ArrayList<>();
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<AuditEntry> written = db.write(h -> chain(h, batch));
                for (int i = 0; i < batch.size(); i++) {
                    batch.get(i).done().complete(written.get(i));
                }
            } catch (InterruptedException e) {
                closed = true;
            } catch (RuntimeException e) {
                LOG.error("could not write {} audit entries", batch.size(), e);
                batch.forEach(p -> p.done().completeExceptionally(e));
            }
        }
    }

    private List<AuditEntry> chain(Handle h, List<Pending> batch) {
        AuditStore.Head head = store.lockHead(h);
        List<AuditEntry> entries = new ArrayList<>(batch.size());
        long seq = head.seq();
        String prev = head.hash();
        for (Pending p : batch) {
            AuditEntry e = AuditChain.seal(++seq, prev, p.draft());
            entries.add(e);
            prev = e.hash();
        }
        store.append(h, entries);
        store.setHead(h, new AuditStore.Head(seq, prev));
        return entries;
    }

    /** @return matching entries older than {@code beforeSeq} (null for the newest), newest first, at most {@code limit} */
    public List<AuditEntry> newestFirst(AuditQuery q, Long beforeSeq, int limit) {
        return db.read(h -> store.newestFirst(h, q, beforeSeq, limit));
    }

    /** Feeds every matching entry, oldest first, to {@code sink}, reading a page at a time. */
    public void export(AuditQuery q, Consumer<AuditEntry> sink) {
        long after = 0;
        while (true) {
            long from = after;
            List<AuditEntry> page = db.read(h -> store.oldestFirst(h, q, from, PAGE));
            page.forEach(sink);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    /** @return one request's entries, oldest first */
    public List<AuditEntry> forRequest(String requestId) {
        return db.read(h -> store.forRequest(h, requestId));
    }

    /** Checks the whole chain up to the head read at the start; entries appended meanwhile are left for next time. */
    public AuditVerification verify() {
        AuditStore.Head head = db.read(store::head);
        AuditVerifier verifier = new AuditVerifier();
        long after = 0;
        walk:
        while (true) {
            long from = after;
            List<AuditEntry> page = db.read(h -> store.oldestFirst(h, AuditQuery.ALL, from, PAGE));
            for (AuditEntry e : page) {
                if (e.seq() > head.seq() || !verifier.accept(e)) {
                    break walk;
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.getLast().seq();
        }
        AuditVerification result = verifier.finish(head.seq(), head.hash());
        if (result.intact()) {
            long max = db.read(store::maxSeq);
            AuditStore.Head now = db.read(store::head);
            if (max > now.seq()) {
                return new AuditVerification(false, result.entries(), head.seq(), head.hash(),
                        new AuditVerification.Break(now.seq() + 1, "entries after " + now.seq()
                                + " were not written by Errand (the head says " + now.seq() + ")"));
            }
        }
        return result;
    }

    /** Stops taking entries, writes the ones waiting, and stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
