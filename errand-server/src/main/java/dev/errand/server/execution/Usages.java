package dev.errand.server.execution;

import dev.errand.protocol.UsageView;
import dev.errand.sandbox.ResourceUsage;
import dev.errand.server.usage.CostRates;

/** Turns what a run used into its stored usage and estimated cost. */
final class Usages {
    private Usages() {}

    /**
     * @param end epoch ms the execution ended
     * @return wall time from running to end (0 if it never ran), measured CPU and memory, and the cost
     *     of the CPUs and memory allotted for that wall time
     */
    static UsageView of(Execution e, ActiveRun run, long end, CostRates rates) {
        long since = run.runningSince();
        double wall = since == 0 ? 0 : Math.max(0, end - since) / 1000.0;
        ResourceUsage u = run.usage();
        return new UsageView(wall, u.cpuSeconds(), u.peakMemoryBytes(),
                rates.cost(wall, e.limits().cpus(), e.limits().memoryMb()));
    }
}
