package dev.errand.server.driver;

import dev.errand.protocol.HealthView;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Runs executions on some backend. Implementations are thread-safe; one instance serves the
 * whole server. Every driver passes the same contract test suite.
 */
public interface ExecutionDriver extends AutoCloseable {

    /** @return the driver's name as stored on executions ({@code local}, {@code process}, ...) */
    String name();

    /** @return whether the driver can run executions here, and if not, how to fix it */
    HealthView.Component health();

    /**
     * Starts an execution. Returns once it is running; output then flows to {@code sink}.
     *
     * @param spec what to run
     * @param sink where output lines go
     * @return the running execution
     * @throws IOException when the sandbox cannot be created; the message is shown to the user
     */
    RunningExecution start(ExecutionSpec spec, OutputSink sink) throws IOException;

    /**
     * Re-attaches to an execution that was running when the server stopped. Output it produced
     * after {@code delivered} (also while no server ran) flows to {@code sink}; an execution that
     * ended meanwhile is returned too, and reports its exit at once.
     *
     * @param executionId the execution's id
     * @param delivered how much of its output is already stored
     * @param sink where further output lines go
     * @return the execution if this driver still has it, else empty
     */
    Optional<RunningExecution> attach(String executionId, Delivered delivered, OutputSink sink);

    /**
     * @return the ids of executions whose sandboxes this driver still holds from a previous server
     *     process; empty for drivers whose sandboxes end with the server
     */
    default List<String> survivors() {
        return List.of();
    }

    /**
     * Kills and removes a surviving sandbox that no execution claims (its execution already
     * ended). Never throws.
     *
     * @param executionId the id from {@link #survivors()}
     */
    default void discard(String executionId) {}

    /**
     * Why an execution this driver cannot re-attach to was lost; shown as the execution's reason.
     *
     * @return a sentence for the user
     */
    String lostReason();

    /** Releases the driver's resources; executions it still runs are killed. Never throws. */
    @Override
    void close();
}
