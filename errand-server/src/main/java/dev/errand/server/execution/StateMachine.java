package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import java.util.EnumSet;
import java.util.Set;

/**
 * The allowed status transitions of DESIGN.md §2: {@code QUEUED → STARTING | STOPPED};
 * {@code STARTING → RUNNING | any terminal}; {@code RUNNING → any terminal}; nothing leaves a
 * terminal status.
 */
public final class StateMachine {
    private static final Set<ExecutionStatus> TERMINAL = EnumSet.of(ExecutionStatus.SUCCEEDED,
            ExecutionStatus.FAILED, ExecutionStatus.STOPPED, ExecutionStatus.TIMED_OUT, ExecutionStatus.LOST);

    private StateMachine() {}

    /** @return true when an execution may move from {@code from} to {@code to} */
    public static boolean allowed(ExecutionStatus from, ExecutionStatus to) {
        return switch (from) {
            case QUEUED -> to == ExecutionStatus.STARTING || to == ExecutionStatus.STOPPED;
            case STARTING -> to == ExecutionStatus.RUNNING || TERMINAL.contains(to);
            case RUNNING -> TERMINAL.contains(to);
            case SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST -> false;
        };
    }

    /**
     * @throws IllegalStateException when the transition is not allowed (a programming error)
     */
    public static void check(ExecutionStatus from, ExecutionStatus to) {
        if (!allowed(from, to)) {
            throw new IllegalStateException("illegal execution transition " + from + " -> " + to);
        }
    }
}
