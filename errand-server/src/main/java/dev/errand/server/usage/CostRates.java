package dev.errand.server.usage;

/**
 * The prices used to estimate what an execution cost, billed like AWS Fargate: for the CPUs and
 * memory allotted (not used), per second of wall time.
 *
 * @param usdPerVcpuHour dollars per vCPU-hour
 * @param usdPerGbHour dollars per GB-hour of memory
 * @param defaultCpus vCPUs billed when neither the request nor the image sets {@code cpus}
 * @param defaultMemoryMb MiB billed when neither sets a memory limit
 */
public record CostRates(double usdPerVcpuHour, double usdPerGbHour, double defaultCpus, int defaultMemoryMb) {
    /**
     * AWS Fargate on-demand, Linux/x86, US East (N. Virginia), as published on the AWS Fargate
     * pricing page on 2025-11-01 (unchanged since the January 2019 price cut): $0.04048 per
     * vCPU-hour and $0.004445 per GB-hour. Billed at Fargate's smallest task size, 0.25 vCPU and
     * 0.5 GB, when an execution names none.
     */
    public static final CostRates FARGATE_US_EAST_1 = new CostRates(0.04048, 0.004445, 0.25, 512);

    /** Rejects negative prices and allotments. */
    public CostRates {
        if (usdPerVcpuHour < 0 || usdPerGbHour < 0 || defaultCpus <= 0 || defaultMemoryMb <= 0) {
            throw new IllegalArgumentException("cost rates must not be negative and allotments must be positive");
        }
    }

    /**
     * @param wallSeconds seconds it ran
     * @param cpus vCPUs allotted, or null for {@link #defaultCpus}
     * @param memoryMb MiB allotted, or null for {@link #defaultMemoryMb}
     * @return the estimated cost in dollars, rounded to 6 decimals
     */
    public double cost(double wallSeconds, Double cpus, Integer memoryMb) {
        double hours = wallSeconds / 3600.0;
        double vcpu = cpus == null ? defaultCpus : cpus;
        double gb = (memoryMb == null ? defaultMemoryMb : memoryMb) / 1024.0;
        return Math.round((vcpu * usdPerVcpuHour + gb * usdPerGbHour) * hours * 1e6) / 1e6;
    }
}
