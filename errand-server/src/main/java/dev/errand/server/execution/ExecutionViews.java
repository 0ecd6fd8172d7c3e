package dev.errand.server.execution;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ExecutionView;

/** Maps stored executions to their API view. */
final class ExecutionViews {
    private ExecutionViews() {}

    static ExecutionView of(Execution e) {
        return of(e, null);
    }

    /** @param queuePosition the position of a queued execution, else null */
    static ExecutionView of(Execution e, Integer queuePosition) {
        ExecutionLimits limits = e.limits().equals(Execution.NO_LIMITS) ? null : e.limits();
        return new ExecutionView(e.id(), e.status(), e.command(), e.image(), e.driver(), e.userEmail(), e.exitCode(),
                e.reason(), e.createdAt(), e.startedAt(), e.finishedAt(), e.timeoutSeconds(), e.network(),
                ApiPaths.logStream(e.id()), "/executions/" + e.id(), e.secrets().isEmpty() ? null : e.secrets(),
                e.lockName(), queuePosition, e.git(), limits, e.usage());
    }
}
