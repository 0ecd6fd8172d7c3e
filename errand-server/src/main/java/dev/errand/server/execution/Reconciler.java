package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.logs.LogService;
import dev.errand.server.logs.LogWriter;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles executions a previous server process left {@code STARTING} or {@code RUNNING}: each
 * is re-attached when its driver still has it, else marked {@code LOST} with the driver's
 * reason and a log line saying so. Queued executions stay queued for the scheduler. Runs once,
 * at start, before the scheduler.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private final Database db;
    private final ExecutionStore store;
    private final LogService logs;
    private final Drivers drivers;
    private final Clock clock;

    Reconciler(Database db, ExecutionStore store, LogService logs, Drivers drivers, Clock clock) {
        this.db = db;
        this.store = store;
        this.logs = logs;
        this.drivers = drivers;
        this.clock = clock;
    }

    /** @return how many executions were marked lost */
    int reconcile() {
        List<Execution> left = db.read(h -> store.withStatus(h,
                List.of(ExecutionStatus.STARTING, ExecutionStatus.RUNNING)));
        int lost = 0;
        for (Execution e : left) {
            String reason = reasonFor(e);
            try (LogWriter log = logs.openWriter(e.id())) {
                log.system("execution lost: " + reason);
            }
            boolean moved = db.write(h -> store.transition(h, e.id(), e.status(), ExecutionStatus.LOST,
                    null, clock.millis(), null, reason));
            if (moved) {
                lost++;
                logs.bus().publishEnd(e.id(), new StreamEvent.Status(ExecutionStatus.LOST, null, reason));
                LOG.warn("execution {} marked LOST: {}", e.id(), reason);
            }
        }
        return lost;
    }

    private String reasonFor(Execution e) {
        try {
            ExecutionDriver driver = drivers.get(e.driver());
            return driver.lostReason();
        } catch (RuntimeException ex) {
            return "the server restarted and its driver '" + e.driver() + "' is no longer enabled";
        }
    }
}
