package dev.errand.bench;

import dev.errand.protocol.LogStream;
import dev.errand.server.logs.JdbiLogStore;
import dev.errand.server.logs.LogBus;
import dev.errand.server.logs.LogPolicy;
import dev.errand.server.logs.LogService;
import dev.errand.server.logs.LogWriter;
import dev.errand.server.logs.SecretMasker;
import dev.errand.server.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * What secret masking costs the log pipeline: the same 100 MB of output (about 1.1 million lines,
 * one in 500 holding a secret in raw, base64 or URL-encoded form) goes through a real
 * {@link LogWriter} into SQLite, once with no secrets and once with 20 registered; rounds
 * alternate, and the median of each is reported with the overhead, both in wall time and in the
 * process's CPU time (the fairer number on a shared machine, where wall time follows the other
 * tenants' load). Target: at most 10 % slower.
 *
 * <p>Run: {@code java -cp bench/target/classes:$(cat bench/target/classpath) dev.errand.bench.MaskingBench [MB] [rounds]}.
 */
public final class MaskingBench {
    private MaskingBench() {}

    /** @param args optional: megabytes of output (100), rounds per variant (5) */
    public static void main(String[] args) throws Exception {
        int mb = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> secrets = secrets(20);
        List<String> lines = lines(mb * 1_000_000L, secrets);
        long chars = lines.stream().mapToLong(String::length).sum();
        Path dir = Files.createTempDirectory("errand-masking-bench");
        try (Database db = Database.sqlite(dir)) {
            LogService logs = new LogService(db, new JdbiLogStore(), new LogBus());
            run(logs, lines, LogPolicy.PLAIN);
            run(logs, lines, new LogPolicy(SecretMasker.of(secrets), 0));
            double[] plain = new double[rounds];
            double[] masked = new double[rounds];
            double[] plainCpu = new double[rounds];
            double[] maskedCpu = new double[rounds];
            for (int i = 0; i < rounds; i++) {
                double c0 = cpu();
                plain[i] = run(logs, lines, LogPolicy.PLAIN);
                double c1 = cpu();
                masked[i] = run(logs, lines, new LogPolicy(SecretMasker.of(secrets), 0));
                plainCpu[i] = c1 - c0;
                maskedCpu[i] = cpu() - c1;
            }
            double p = median(plain);
            double m = median(masked);
            double pc = median(plainCpu);
            double mc = median(maskedCpu);
            System.out.printf(Locale.ROOT, "## Masking benchmark (%d lines, %.1f MB, %d secrets, SQLite, %d cores)%n%n",
                    lines.size(), chars / 1e6, secrets.size(), Runtime.getRuntime().availableProcessors());
            System.out.println("| variant | median wall s | MB/s | median CPU s |");
            System.out.println("|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| no secrets | %.2f | %.0f | %.2f |%n", p, chars / 1e6 / p, pc);
            System.out.printf(Locale.ROOT, "| 20 secrets masked | %.2f | %.0f | %.2f |%n", m, chars / 1e6 / m, mc);
            System.out.printf(Locale.ROOT, "%noverhead: wall %+.1f %%, CPU %+.1f %% (target: at most +10 %%); load average %.1f%n",
                    (m / p - 1) * 100, (mc / pc - 1) * 100,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        System.exit(0);
    }

    private static double run(LogService logs, List<String> lines, LogPolicy policy) {
        String id = "ex_bench" + System.nanoTime();
        long t0 = System.nanoTime();
        try (LogWriter w = logs.openWriter(id, policy)) {
            Instant ts = Instant.now();
            for (String line : lines) {
                w.line(LogStream.STDOUT, line, ts);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<String> secrets(int n) {
        SecureRandom random = new SecureRandom();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[24];
            random.nextBytes(b);
            out.add("tok_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b));
        }
        return out;
    }

    private static List<String> lines(long bytes, List<String> secrets) {
        List<String> out = new ArrayList<>();
        long size = 0;
        for (int i = 0; size < bytes; i++) {
            String line = String.format(Locale.ROOT, "2026-01-01T00:00:%02d.%03dZ INFO worker-%d processed batch %d"
                    + " of records, %d rows, checksum %08x", i % 60, i % 1000, i % 16, i, i * 7 % 10_000, i * 2654435761L);
            if (i % 500 == 0) {
                String s = secrets.get(i / 500 % secrets.size());
                line += switch (i / 500 % 3) {
                    case 0 -> " token=" + s;
                    case 1 -> " auth=" + Base64.getEncoder().encodeToString(("user:" + s).getBytes());
                    default -> " url=https://x/?t=" + s;
                };
            }
            out.add(line);
            size += line.length() + 1;
        }
        return out;
    }

    /** @return this process's CPU time so far, in seconds */
    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
