package dev.errand.server.execution;

import static dev.errand.protocol.ExecutionStatus.FAILED;
import static dev.errand.protocol.ExecutionStatus.LOST;
import static dev.errand.protocol.ExecutionStatus.QUEUED;
import static dev.errand.protocol.ExecutionStatus.RUNNING;
import static dev.errand.protocol.ExecutionStatus.STARTING;
import static dev.errand.protocol.ExecutionStatus.STOPPED;
import static dev.errand.protocol.ExecutionStatus.SUCCEEDED;
import static dev.errand.protocol.ExecutionStatus.TIMED_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ExecutionStatus;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateMachineTest {
    private static final Set<ExecutionStatus> TERMINAL = EnumSet.of(SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST);
    /** The table of DESIGN.md §2, written out independently of the implementation. */
    private static final Map<ExecutionStatus, Set<ExecutionStatus>> ALLOWED = Map.of(
            QUEUED, EnumSet.of(STARTING, STOPPED),
            STARTING, EnumSet.of(RUNNING, SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST),
            RUNNING, EnumSet.of(SUCCEEDED, FAILED, STOPPED, TIMED_OUT, LOST),
            SUCCEEDED, EnumSet.noneOf(ExecutionStatus.class),
            FAILED, EnumSet.noneOf(ExecutionStatus.class),
            STOPPED, EnumSet.noneOf(ExecutionStatus.class),
            TIMED_OUT, EnumSet.noneOf(ExecutionStatus.class),
            LOST, EnumSet.noneOf(ExecutionStatus.class));

    @Test
    void everyPairOfStatusesFollowsTheDesignTable() {
        for (ExecutionStatus from : ExecutionStatus.values()) {
            for (ExecutionStatus to : ExecutionStatus.values()) {
                assertThat(StateMachine.allowed(from, to))
                        .as("%s -> %s", from, to)
                        .isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void nothingLeavesATerminalStatus() {
        for (ExecutionStatus from : TERMINAL) {
            for (ExecutionStatus to : ExecutionStatus.values()) {
                assertThatThrownBy(() -> StateMachine.check(from, to)).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void queuedCanOnlyStartOrBeStopped() {
        assertThat(StateMachine.allowed(QUEUED, RUNNING)).isFalse();
        assertThat(StateMachine.allowed(QUEUED, LOST)).isFalse();
        assertThat(StateMachine.allowed(QUEUED, STOPPED)).isTrue();
    }
}
