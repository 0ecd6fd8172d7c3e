package dev.errand.server.driver;

import dev.errand.protocol.HealthView;
import java.io.IOException;
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
     * Re-attaches to an execution that was running when the server stopped.
     *
     * @param executionId the execution's id
     * @param sink where further output lines go
     * @return the execution if this driver still has it, else empty
     */
    Optional<RunningExecution> attach(String executionId, OutputSink sink);

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
