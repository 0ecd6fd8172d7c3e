package dev.errand.cli;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;

/**
 * Where a queued execution waits, as the CLI says it: {@code position 2 in the queue for lock
 * deploy}. One wording for {@code run}, {@code playbook run} and {@code status}, and one short form
 * for {@code list}. The position is the server's ({@code queue_position}: 1 when it is next; for a
 * lock, the execution holding it counts).
 */
final class QueueText {
    private QueueText() {}

    /** @return {@code position N in the queue[ for lock NAME]}, or null when it is not queued */
    static String of(ExecutionView view) {
        if (view.status() != ExecutionStatus.QUEUED || view.queuePosition() == null) {
            return null;
        }
        return "position " + view.queuePosition() + " in the queue" + (view.lock() == null ? "" : " for lock " + view.lock());
    }

    /** @return the status name, with {@code #N} after a queued one's: {@code QUEUED #2} */
    static String status(ExecutionView view) {
        String name = view.status().name();
        return of(view) == null ? name : name + " #" + view.queuePosition();
    }
}
