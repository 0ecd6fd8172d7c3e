package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.RunningExecution;
import dev.errand.server.logs.LogPolicy;
import dev.errand.server.logs.LogService;
import dev.errand.server.logs.LogWriter;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles executions a previous server process left {@code STARTING} or {@code RUNNING}: each
 * is re-attached when its driver still has it (the runner then follows it to its end), else
 * marked {@code LOST} with the driver's reason and a log line saying so. Sandboxes a driver still
 * holds that no such execution claims are discarded. Queued executions stay queued for the
 * scheduler. Runs once, at start, before the scheduler.
 */
final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private final Database db;
    private final ExecutionStore store;
    private final LogService logs;
    private final Drivers drivers;
    private final Clock clock;
    private final java.util.function.Function<Execution, LogPolicy> policies;

    /** An execution its driver re-attached to, with the log writer its output now flows to. */
    record Resumed(Execution execution, RunningExecution handle, LogWriter log) {}

    /**
     * @param lost how many executions were marked lost
     * @param resumed the executions re-attached to, for the runner to follow
     */
    record Result(int lost, List<Resumed> resumed) {}

    /** @param policies the log policy (secret masking, output cap) each execution's output is written under */
    Reconciler(Database db, ExecutionStore store, LogService logs, Drivers drivers, Clock clock,
            java.util.function.Function<Execution, LogPolicy> policies) {
        this.policies = policies;
        this.db = db;
        this.store = store;
        this.logs = logs;
        this.drivers = drivers;
        this.clock = clock;
    }

    Result reconcile() {
        List<Execution> left = db.read(h -> store.withStatus(h,
                List.of(ExecutionStatus.STARTING, ExecutionStatus.RUNNING)));
        int lost = 0;
        List<Resumed> resumed = new ArrayList<>();
        for (Execution e : left) {
            Optional<ExecutionDriver> driver = driver(e);
            LogWriter log = logs.openWriter(e.id(), policies.apply(e));
            Optional<RunningExecution> handle = driver.flatMap(d -> attach(d, e, log));
            if (handle.isPresent()) {
                resumed.add(new Resumed(e, handle.get(), log));
                LOG.info("execution {} re-attached", e.id());
                continue;
            }
            String reason = driver.map(ExecutionDriver::lostReason)
                    .orElse("the server restarted and its driver '" + e.driver() + "' is no longer enabled");
            try (log) {
                log.system("execution lost: " + reason);
            }
            if (db.write(h -> store.transition(h, e.id(), e.status(), ExecutionStatus.LOST, null, clock.millis(), null,
                    reason))) {
                lost++;
                logs.bus().publishEnd(e.id(), new StreamEvent.Status(ExecutionStatus.LOST, null, reason));
                LOG.warn("execution {} marked LOST: {}", e.id(), reason);
            }
        }
        discardUnclaimed(resumed);
        return new Result(lost, resumed);
    }

    private Optional<RunningExecution> attach(ExecutionDriver driver, Execution e, LogWriter log) {
        try {
            return driver.attach(e.id(), logs.delivered(e.id()), log);
        } catch (RuntimeException ex) {
            LOG.warn("re-attaching execution {} failed", e.id(), ex);
            return Optional.empty();
        }
    }

    private void discardUnclaimed(List<Resumed> resumed) {
        Set<String> claimed = new HashSet<>();
        resumed.forEach(r -> claimed.add(r.execution().id()));
        for (ExecutionDriver d : drivers.all()) {
            for (String id : d.survivors()) {
                if (!claimed.contains(id)) {
                    LOG.warn("discarding the {} sandbox of {}: its execution is not running", d.name(), id);
                    d.discard(id);
                }
            }
        }
    }

    private Optional<ExecutionDriver> driver(Execution e) {
        try {
            return Optional.of(drivers.get(e.driver()));
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }
}
