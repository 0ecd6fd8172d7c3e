package dev.errand.bench;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.LogLine;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The foundation's end-to-end numbers on the local driver and SQLite: submit → first log line
 * over WebSocket, a burst of concurrent executions, and log ingest of a million lines. Starts a
 * real server on a free port with a temporary data directory; the client runs in the same JVM.
 *
 * <p>Run: {@code bench/run foundation} (or {@code java -cp ... dev.errand.bench.FoundationBench [latencyRuns] [burst] [lines]}).
 */
public final class FoundationBench {
    private FoundationBench() {}

    /**
     * @param args optional: latency runs (300), burst size (200), ingest lines (1000000)
     */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        Path dir = Files.createTempDirectory("errand-bench");
        try (ErrandServer server = ErrandServer.start(ServerConfig.forDataDir(dir))) {
            BenchClient client = new BenchClient(server.port(), server.bootstrapKey().orElseThrow());
            System.out.println("## Foundation benchmark (local driver, SQLite, " + Runtime.getRuntime().availableProcessors()
                    + " cores)\n");
            firstLine(client, 30);
            Stats latency = firstLine(client, runs);
            System.out.println(Stats.header());
            System.out.println(latency.row("submit → first log line over WebSocket (`echo hi`)"));
            System.out.println();
            burst(client, burst);
            ingest(client, lines);
        }
        System.exit(0);
    }

    private static Stats firstLine(BenchClient client, int runs) throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            ExecutionView e = client.submit("echo hi");
            AtomicLong first = new AtomicLong();
            List<StreamEvent> seen = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<StreamEvent.Status> done = client.follow(e.id(), ev -> {
                seen.add(ev);
                if (ev instanceof StreamEvent.Logs && first.get() == 0) {
                    first.set(System.nanoTime());
                }
            });
            StreamEvent.Status s = done.get(30, TimeUnit.SECONDS);
            if (s.status() != ExecutionStatus.SUCCEEDED || first.get() == 0) {
                throw new IllegalStateException("run " + e.id() + " ended " + s + " events " + seen);
            }
            nanos.add(first.get() - t0);
        }
        return Stats.ofNanos(nanos);
    }

    private static void burst(BenchClient client, int n) throws Exception {
        long t0 = System.nanoTime();
        List<CompletableFuture<String>> submits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            submits.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return client.submit("true").id();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, r -> Thread.ofVirtual().start(r)));
        }
        List<String> ids = new ArrayList<>();
        for (CompletableFuture<String> f : submits) {
            ids.add(f.get(60, TimeUnit.SECONDS));
        }
        long submitted = System.nanoTime();
        int succeeded = 0;
        for (String id : ids) {
            ExecutionView v;
            while (!(v = client.get(id)).status().terminal()) {
                Thread.sleep(10);
            }
            if (v.status() == ExecutionStatus.SUCCEEDED) {
                succeeded++;
            }
        }
        long end = System.nanoTime();
        double seconds = (end - t0) / 1e9;
        System.out.printf("| burst of %d `true` submitted at once | value |%n|---|---|%n", n);
        System.out.printf("| all submitted (202) after | %.2f s |%n", (submitted - t0) / 1e9);
        System.out.printf("| all terminal after | %.2f s |%n", seconds);
        System.out.printf("| throughput | %.1f executions/s |%n", n / seconds);
        System.out.printf("| succeeded / lost | %d / %d |%n%n", succeeded, n - succeeded);
    }

    private static void ingest(BenchClient client, int n) throws Exception {
        long t0 = System.nanoTime();
        ExecutionView e = client.submit("seq 1 " + n);
        List<LogLine> tail = Collections.synchronizedList(new ArrayList<>());
        AtomicLong count = new AtomicLong();
        AtomicLong expected = new AtomicLong(1);
        AtomicLong disorder = new AtomicLong();
        CompletableFuture<StreamEvent.Status> done = client.follow(e.id(), ev -> {
            if (ev instanceof StreamEvent.Logs l) {
                for (LogLine line : l.lines()) {
                    if (line.seq() != expected.get() || !line.text().equals(Long.toString(line.seq()))) {
                        disorder.incrementAndGet();
                    }
                    expected.set(line.seq() + 1);
                    count.incrementAndGet();
                }
                if (tail.isEmpty()) {
                    tail.add(l.lines().getFirst());
                }
            }
        });
        StreamEvent.Status s = done.get(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("| log ingest: `seq 1 %d` | value |%n|---|---|%n", n);
        System.out.printf("| final status | %s |%n", s.status());
        System.out.printf("| lines received over WebSocket, in order | %d (out of order or wrong: %d) |%n",
                count.get(), disorder.get());
        System.out.printf("| submit → final status | %.2f s |%n", seconds);
        System.out.printf("| stored and streamed | %.0f lines/s |%n%n", count.get() / seconds);
    }
}
