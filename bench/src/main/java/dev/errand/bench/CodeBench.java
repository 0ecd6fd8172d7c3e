package dev.errand.bench;

import dev.errand.protocol.ExecuteRequest;
import dev.errand.server.ErrandServer;
import dev.errand.server.code.CodeConfig;
import dev.errand.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * The code execution API's numbers: for Python, Node.js, Java and C, hello world over HTTP
 * (sequential latency), a sustained open-loop rate, and a concurrency sweep to find how many
 * concurrent runs the machine takes before the median latency doubles. Compiled languages are
 * measured twice: the same source (compile cache hit) and a new source each run (compiled). A
 * real server on a free port with a fresh data directory; the client runs in the same JVM.
 *
 * <p>Run: {@code bench/run code [languages] [rate] [seconds]}, e.g. {@code bench/run code python 50 60}.
 * With {@code ERRAND_CODE_IMAGES_DIR} set, languages built there by {@code errand languages
 * install} run from their images (clean Debian roots) instead of the host.
 */
public final class CodeBench {
    private static final Map<String, String> HELLO = Map.of(
            "python", "print(\"hi\")",
            "javascript", "console.log(\"hi\")",
            "java", "public class Main { public static void main(String[] a) { System.out.println(\"hi\"); } }",
            "c", "#include <stdio.h>\nint main(void) { puts(\"hi\"); return 0; }");

    private CodeBench() {}

    /** @param args languages (comma-separated, default python,javascript,java,c), rate per second (50), seconds (60) */
    public static void main(String[] args) throws Exception {
        List<String> languages = List.of((args.length > 0 ? args[0] : "python,javascript,java,c").split(","));
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path dir = Files.createTempDirectory("errand-code-bench");
        Map<String, String> env = new HashMap<>(Map.of("ERRAND_CODE_PREWARM", String.join(",", languages),
                "ERRAND_CODE_DETECT_VERSIONS", "0", "ERRAND_CODE_POOL_SIZE", System.getenv().getOrDefault(
                        "ERRAND_CODE_POOL_SIZE", "4")));
        String images = System.getenv("ERRAND_CODE_IMAGES_DIR");
        if (images != null) {
            env.put("ERRAND_CODE_IMAGES_DIR", images);
        }
        CodeConfig config = CodeConfig.fromEnvironment(dir, env);
        try (ErrandServer server = ErrandServer.start(ServerConfig.forDataDir(dir), config)) {
            CodeClient client = new CodeClient(server.port(), server.bootstrapKey().orElseThrow());
            System.out.printf("## Code execution benchmark (%d cores, pool %d per language, %d concurrent runs)%n%n",
                    Runtime.getRuntime().availableProcessors(), config.poolSize(), config.maxConcurrent());
            for (String language : languages) {
                bench(client, language, rate, seconds);
            }
        }
        System.exit(0);
    }

    private static void bench(CodeClient client, String language, int rate, int seconds) throws Exception {
        String hello = HELLO.get(language);
        IntFunction<ExecuteRequest> same = i -> ExecuteRequest.of(language, hello);
        boolean compiled = language.equals("java") || language.equals("c");
        sequential(client, same, 30, 0);
        System.out.println("### " + language + "\n");
        System.out.println(Stats.header());
        System.out.println(sequential(client, same, 300, 0).row("hello world over HTTP, back to back"
                + (compiled ? ", cached compile" : "")));
        System.out.println(sequential(client, same, 200, 150).row("hello world over HTTP, one every 150 ms"
                + (compiled ? ", cached compile" : "")));
        if (compiled) {
            IntFunction<ExecuteRequest> fresh = i -> ExecuteRequest.of(language, hello + "\n// run " + i + " " + System.nanoTime());
            System.out.println(sequential(client, fresh, language.equals("java") ? 30 : 60, 0).row("hello world, new source each run (compiled)"));
        }
        System.out.println();
        Load.Result sustained = Load.openLoop(client, same, rate, seconds);
        System.out.printf("| sustained %d runs/s for %d s | value |%n|---|---|%n", rate, seconds);
        System.out.printf("| runs completed / errors | %d / %d |%n", sustained.completed(), sustained.errors());
        System.out.printf("| achieved rate | %.1f runs/s |%n", sustained.rate());
        System.out.printf("| latency p50 / p99 / max | %.1f / %.1f / %.1f ms |%n%n", sustained.stats().p50(),
                sustained.stats().p99(), sustained.stats().max());
        System.out.println("| concurrent clients | runs/s | p50 ms | p99 ms |\n|---|---|---|---|");
        double base = 0;
        Integer doubled = null;
        for (int c : List.of(1, 2, 4, 8, 16, 32)) {
            Load.Result r = Load.closedLoop(client, same, c, 5);
            System.out.printf("| %d | %.1f | %.1f | %.1f |%n", c, r.rate(), r.stats().p50(), r.stats().p99());
            if (c == 1) {
                base = r.stats().p50();
            } else if (doubled == null && r.stats().p50() >= 2 * base) {
                doubled = c;
            }
        }
        System.out.printf("%nmedian latency doubles at: %s%n%n", doubled == null ? "more than 32 concurrent runs"
                : doubled + " concurrent runs");
    }

    /** One run at a time, {@code pauseMs} apart (0: back to back, which keeps a 2-core machine busy refilling pools). */
    private static Stats sequential(CodeClient client, IntFunction<ExecuteRequest> request, int n, int pauseMs)
            throws Exception {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (pauseMs > 0) {
                Thread.sleep(pauseMs);
            }
            long t0 = System.nanoTime();
            client.run(request.apply(i));
            nanos.add(System.nanoTime() - t0);
        }
        return Stats.ofNanos(nanos);
    }

    /** Open- and closed-loop load. */
    static final class Load {
        record Result(int completed, int errors, double rate, Stats stats) {}

        /** Starts one run every 1/rate seconds, whatever the previous ones are doing. */
        static Result openLoop(CodeClient client, IntFunction<ExecuteRequest> request, int rate, int seconds)
                throws Exception {
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            long start = System.nanoTime();
            long interval = 1_000_000_000L / rate;
            for (int i = 0; i < rate * seconds; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                int n = i;
                threads.add(Thread.ofVirtual().start(() -> timed(client, request.apply(n), nanos, errors)));
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(nanos.size(), errors.get(), nanos.size() / elapsed, Stats.ofNanos(nanos));
        }

        /** {@code clients} loops that each start a run as soon as their previous one answered. */
        static Result closedLoop(CodeClient client, IntFunction<ExecuteRequest> request, int clients, int seconds)
                throws Exception {
            List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger errors = new AtomicInteger();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    int i = 0;
                    while (System.nanoTime() < end) {
                        timed(client, request.apply(i++), nanos, errors);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Result(nanos.size(), errors.get(), nanos.size() / elapsed, Stats.ofNanos(nanos));
        }

        private static void timed(CodeClient client, ExecuteRequest r, List<Long> nanos, AtomicInteger errors) {
            long t0 = System.nanoTime();
            try {
                client.run(r);
                nanos.add(System.nanoTime() - t0);
            } catch (Exception e) {
                if (errors.incrementAndGet() <= 3) {
                    System.err.println("error: " + e.getMessage());
                }
            }
        }
    }
}
