package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.server.driver.Usage;
import dev.errand.server.logs.LogWriter;
import java.util.Optional;

/** Decides the terminal status from the exit code and the cause Errand recorded, and explains it in the log. */
final class Outcomes {
    private Outcomes() {}

    static Outcome of(Execution e, int exit, EndCause cause, String killedBy, LogWriter log, boolean running,
            Optional<Usage> usage) {
        if (cause == EndCause.TIMED_OUT) {
            String reason = "timed out after " + e.timeoutSeconds() + "s";
            log.system(reason + "; the sandbox was stopped");
            return new Outcome(ExecutionStatus.TIMED_OUT, exit, reason, running);
        }
        if (cause == EndCause.KILLED) {
            String reason = killedBy == null ? "killed" : "killed by " + killedBy;
            log.system(reason);
            return new Outcome(ExecutionStatus.STOPPED, exit, reason, running);
        }
        if (cause == EndCause.SHUTDOWN) {
            log.system("stopped because the server shut down");
            return new Outcome(ExecutionStatus.STOPPED, exit, "the server shut down", running);
        }
        if (exit == 0) {
            return new Outcome(ExecutionStatus.SUCCEEDED, 0, null, running);
        }
        if (usage.map(Usage::outOfMemory).orElse(false)) {
            log.system("out of memory: the kernel killed a process that reached the memory limit of image '"
                    + e.image() + "'");
            return new Outcome(ExecutionStatus.FAILED, exit, "out of memory", running);
        }
        if (exit == 127) {
            log.system("exit code 127: a command was not found in image '" + e.image()
                    + "' (is it installed there, and spelled right?)");
            return new Outcome(ExecutionStatus.FAILED, exit, "command not found", running);
        }
        if (exit == 126) {
            log.system("exit code 126: a command was found but could not be executed (permissions?)");
            return new Outcome(ExecutionStatus.FAILED, exit, "command not executable", running);
        }
        if (exit > 128 && exit < 128 + 65) {
            return new Outcome(ExecutionStatus.FAILED, exit, "killed by signal " + (exit - 128), running);
        }
        return new Outcome(ExecutionStatus.FAILED, exit, null, running);
    }
}
