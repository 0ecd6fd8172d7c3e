package dev.errand.server.execution;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.ImageView;

/**
 * The limits an execution runs with: the request's, never above the image's defaults, else the
 * image's. {@code cpus} (billing) and the output cap come from the request when given.
 */
final class LimitsMerge {
    private LimitsMerge() {}

    /** @throws ErrandException {@code invalid_request} naming a limit out of range */
    static ExecutionLimits of(ExecutionLimits requested, ImageView image) {
        ExecutionLimits r = requested == null ? Execution.NO_LIMITS : requested;
        check(r.memoryMb() == null || r.memoryMb() >= 16, "limits.memory_mb must be at least 16");
        check(r.maxProcesses() == null || r.maxProcesses() >= 1, "limits.max_processes must be at least 1");
        check(r.cpuSeconds() == null || r.cpuSeconds() >= 1, "limits.cpu_seconds must be at least 1");
        check(r.cpus() == null || r.cpus() >= 0.01 && r.cpus() <= 64, "limits.cpus must be between 0.01 and 64");
        check(r.outputBytes() == null || r.outputBytes() >= 1024, "limits.output_bytes must be at least 1024");
        return new ExecutionLimits(min(r.memoryMb(), image.memoryMb()), min(r.maxProcesses(), image.maxProcesses()),
                min(r.cpuSeconds(), image.cpuSeconds()), r.cpus() != null ? r.cpus() : image.cpus(), r.outputBytes());
    }

    private static Integer min(Integer requested, Integer image) {
        if (requested == null) {
            return image;
        }
        return image == null ? requested : Math.min(requested, image);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw ErrandException.invalid(message);
        }
    }
}
