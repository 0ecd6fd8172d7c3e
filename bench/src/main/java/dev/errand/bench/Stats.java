package dev.errand.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a list of durations in nanoseconds, printed in milliseconds. */
record Stats(int n, double p50, double p90, double p99, double max, double mean) {

    static Stats ofNanos(List<Long> nanos) {
        long[] a = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(a.length, ms(pct(a, 50)), ms(pct(a, 90)), ms(pct(a, 99)), ms(a[a.length - 1]),
                ms((long) Arrays.stream(a).average().orElse(0)));
    }

    private static long pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    String row(String name) {
        return String.format("| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |", name, n, p50, p90, p99, max, mean);
    }

    static String header() {
        return "| measurement | n | p50 ms | p90 ms | p99 ms | max ms | mean ms |\n|---|---|---|---|---|---|---|";
    }
}
