package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecutionStatus;
import picocli.CommandLine.ParameterException;

/**
 * The one place that decides the CLI's exit status (DESIGN.md §6). Attached runs
 * ({@code errand run}, {@code errand logs -f}) exit with the remote command's exit code;
 * everything else exits 0 ok, 1 error, 2 usage, 3 auth, 4 not found, 5 conflict, 6 unavailable.
 * Two more: 124 when an execution timed out or {@code --wait-timeout} ran out (as coreutils
 * {@code timeout} does), and 130 when Ctrl-C detached from a running execution.
 */
final class ExitCodes {
    /** Success. */
    static final int OK = 0;
    /** A generic failure. */
    static final int ERROR = 1;
    /** A bad flag, argument or value. */
    static final int USAGE = 2;
    /** The execution's own timeout killed it, or the client stopped waiting. */
    static final int TIMED_OUT = 124;
    /** The user detached with Ctrl-C; the execution keeps running. */
    static final int DETACHED = 130;

    private ExitCodes() {}

    /** @return the exit status for a failure: the error code's, 2 for picocli usage errors, else 1 */
    static int of(Throwable failure) {
        if (failure instanceof ErrandException e) {
            return e.code().exitCode();
        }
        if (failure instanceof ParameterException) {
            return USAGE;
        }
        return ERROR;
    }

    /**
     * The exit status of an attached run once the execution is terminal.
     *
     * @param status the final status
     * @param exitCode the command's exit code, or null if it never exited by itself
     * @return SUCCEEDED: 0; FAILED: the exit code (1 if none); TIMED_OUT: 124;
     *     STOPPED and LOST: the exit code if there is a non-zero one, else 1. Codes outside
     *     1..255 become 1 so a failure never looks like success to the shell.
     */
    static int forOutcome(ExecutionStatus status, Integer exitCode) {
        return switch (status) {
            case SUCCEEDED -> OK;
            case TIMED_OUT -> TIMED_OUT;
            case FAILED, STOPPED, LOST -> exitCode != null && exitCode > 0 && exitCode <= 255 ? exitCode : ERROR;
            case QUEUED, STARTING, RUNNING -> ERROR;
        };
    }
}
