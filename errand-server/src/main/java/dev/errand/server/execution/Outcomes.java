package dev.errand.server.execution;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.sandbox.ResourceUsage;
import dev.errand.server.logs.LogWriter;

/** Decides the terminal status from the exit code and the cause Errand recorded, and explains it in the log. */
final class Outcomes {
    private Outcomes() {}

    static Outcome of(Execution e, int exit, EndCause cause, String killedBy, ResourceUsage usage, LogWriter log,
            boolean running) {
        Outcome limit = limitHit(e, exit, cause, usage, running);
        if (limit != null) {
            log.system(limit.reason() + "; the execution was stopped");
            return limit;
        }
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
        if ("processes".equals(usage.limitHit())) {
            String reason = "process limit of " + e.limits().maxProcesses() + " reached: a fork was refused";
            log.system(reason);
            return new Outcome(ExecutionStatus.FAILED, exit, reason, running);
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

    /** @return the outcome of a run a memory or CPU-time limit ended, else null */
    private static Outcome limitHit(Execution e, int exit, EndCause cause, ResourceUsage usage, boolean running) {
        if ("memory".equals(usage.limitHit()) && cause == null) {
            return new Outcome(ExecutionStatus.FAILED, exit, "memory limit of " + e.limits().memoryMb()
                    + " MiB exceeded: the kernel killed a process", running);
        }
        Integer cpu = e.limits().cpuSeconds();
        // RLIMIT_CPU sends SIGXCPU at the limit and SIGKILL at the hard limit (the same here).
        boolean cpuKill = cpu != null && (exit == 128 + 24
                || exit == 128 + 9 && cause == null && (usage.cpuSeconds() == null || usage.cpuSeconds() >= cpu * 0.9));
        if (cause == EndCause.CPU_LIMIT || cpuKill) {
            return new Outcome(ExecutionStatus.FAILED, exit, "CPU time limit of " + cpu + " s exceeded", running);
        }
        return null;
    }
}
