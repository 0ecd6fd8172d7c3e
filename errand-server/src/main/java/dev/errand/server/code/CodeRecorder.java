package dev.errand.server.code;

import dev.errand.protocol.CodeStatus;
import dev.errand.protocol.ExecuteResult;
import dev.errand.protocol.ExecutionStatus;
import dev.errand.server.execution.Execution;
import dev.errand.server.execution.ExecutionStore;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.store.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records finished runs off the hot path: {@link #record} only queues; one writer thread stores
 * queued runs in batches of up to {@value #BATCH}, one transaction each, as an execution row
 * (status {@code SUCCEEDED}, {@code FAILED} or {@code TIMED_OUT}, so runs are listed, audited and
 * visible to their owner) and a {@code code_runs} row with the full result. When the store falls
 * {@value #CAPACITY} runs behind, {@link #record} waits: back-pressure rather than loss.
 * Thread-safe.
 */
final class CodeRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CodeRecorder.class);
    static final int BATCH = 256;
    static final int CAPACITY = 10_000;

    /** A finished run to store. */
    record Finished(Job job, Root root, ExecuteResult result, Instant finishedAt) {}

    private final Database db;
    private final ExecutionStore executions;
    private final CodeRunStore runs;
    private final BlockingQueue<Finished> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

    CodeRecorder(Database db, ExecutionStore executions, CodeRunStore runs) {
        this.db = db;
        this.executions = executions;
        this.runs = runs;
        this.writer = Thread.ofPlatform().name("errand-code-recorder").daemon().start(this::loop);
    }

    /** Queues a finished run; waits only when the store is far behind. */
    void record(Finished f) {
        try {
            queue.put(f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<Finished> batch = new ArrayList<>(BATCH);
        while (!closed || !queue.isEmpty()) {
            try {
                Finished first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("could not record {} code runs", batch.size(), e);
            } finally {
                batch.clear();
            }
        }
    }

    private void store(List<Finished> batch) {
        db.write(h -> {
            for (Finished f : batch) {
                Job j = f.job();
                ExecuteResult r = f.result();
                executions.insert(h, new Execution(j.id(), j.caller().userId(), j.caller().email(), command(j),
                        f.root() == null ? ImageCatalog.HOST : f.root().name(), "local", Map.of(), j.network(),
                        (j.timeoutMs() + 999) / 1000, ExecutionStatus.RUNNING, null, null, j.requestId(),
                        j.createdAt(), null, null));
                long end = f.finishedAt().toEpochMilli();
                long start = r.timeMs() == null ? end : end - r.timeMs();
                executions.transition(h, j.id(), ExecutionStatus.RUNNING, status(r.status()), start, end,
                        r.exitCode(), "code run: " + r.status().wireName() + (r.message() == null ? "" : ": " + r.message()));
                runs.insert(h, j.caller().userId(), r);
            }
            return null;
        });
    }

    /** @return the execution's command text, such as {@code code run: python 3.11.2 main.py} */
    private static String command(Job j) {
        return "code run: " + j.language().id() + " " + j.version() + " " + j.mainFile()
                + (j.args().isEmpty() ? "" : " " + String.join(" ", j.args()));
    }

    private static ExecutionStatus status(CodeStatus s) {
        return switch (s) {
            case OK -> ExecutionStatus.SUCCEEDED;
            case TIMEOUT -> ExecutionStatus.TIMED_OUT;
            case QUEUED, RUNNING, COMPILE_ERROR, RUNTIME_ERROR, MEMORY_LIMIT, OUTPUT_LIMIT, INTERNAL_ERROR ->
                    ExecutionStatus.FAILED;
        };
    }

    /** Stores everything queued, then stops the writer. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return runs waiting to be stored (tests wait for 0) */
    int backlog() {
        return queue.size();
    }
}
