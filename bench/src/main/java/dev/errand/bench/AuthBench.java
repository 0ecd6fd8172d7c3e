package dev.errand.bench;

import dev.errand.server.ErrandServer;
import dev.errand.server.audit.AuditDraft;
import dev.errand.server.audit.AuditLog;
import dev.errand.server.audit.JdbiAuditStore;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.execution.ExecutionConfig;
import dev.errand.server.http.Authenticator;
import dev.errand.server.http.HttpSettings;
import dev.errand.server.http.RateLimits;
import dev.errand.server.identity.AccessPolicy;
import dev.errand.server.identity.Action;
import dev.errand.server.identity.IdentityService;
import dev.errand.server.identity.JdbiIdentityStore;
import dev.errand.server.identity.Principal;
import dev.errand.server.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * What identity and audit cost per request: authentication + authorization through the
 * {@link Authenticator} with a warm key cache and with a cache miss (SQLite read); the same
 * difference seen over HTTP (an authenticated route that fails fast vs an unauthenticated one);
 * an audit append, alone and under 32 concurrent writers (group commit); and the whole audited
 * hot path, {@code POST /api/v1/executions}.
 *
 * <p>Run: {@code java -cp ... dev.errand.bench.AuthBench [iterations]} (default 200000).
 */
public final class AuthBench {
    private AuthBench() {}

    /** @param args optional: iterations of the warm measurement (200000) */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("errand-authbench");
        System.out.println("## Identity and audit overhead (SQLite, " + Runtime.getRuntime().availableProcessors() + " cores)\n");
        System.out.println("| measurement | n | p50 µs | p90 µs | p99 µs | mean µs |\n|---|---|---|---|---|---|");
        try (Database db = Database.sqlite(Files.createDirectories(dir.resolve("direct")))) {
            IdentityService identity = new IdentityService(db, new JdbiIdentityStore(), Clock.systemUTC());
            String key = identity.bootstrapAdmin().orElseThrow();
            Authenticator auth = new Authenticator(identity, AccessPolicy.standard(),
                    new RateLimits(1_000_000_000, 1_000_000_000, 20, Duration.ofSeconds(3)));
            time(auth, key, 50_000, null);
            System.out.println(row("authenticate + rate limit + authorize, warm key cache", time(auth, key, n, null)));
            System.out.println(row("the same with a cache miss (SQLite read)", time(auth, key, 5_000, identity)));
            try (AuditLog audit = new AuditLog(db, new JdbiAuditStore())) {
                appendAlone(audit, 500);
                System.out.println(row("audit append, one writer, waited until committed", appendAlone(audit, 5_000)));
                appendConcurrently(audit, 32, 200);
                long t0 = System.nanoTime();
                List<Long> latencies = appendConcurrently(audit, 32, 1_000);
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.println(row(String.format(Locale.ROOT, "audit append, 32 concurrent writers (%.0f entries/s)",
                        latencies.size() / seconds), latencies));
            }
        }
        http(dir.resolve("server"), n / 10);
        System.exit(0);
    }

    private static List<Long> time(Authenticator auth, String key, int n, IdentityService coldCache) {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (coldCache != null) {
                coldCache.forgetUser(auth.admit(key, "127.0.0.1", Action.EXECUTION_LIST).userId());
            }
            long t0 = System.nanoTime();
            Principal p = auth.admit(key, "127.0.0.1", Action.EXECUTION_LIST);
            nanos.add(System.nanoTime() - t0);
            if (p == null) {
                throw new IllegalStateException("not admitted");
            }
        }
        return nanos;
    }

    private static AuditDraft draft(int i) {
        return new AuditDraft(System.currentTimeMillis(), "req_bench_" + i, "usr_bench", "bench@example.com", "key_bench",
                "developer", "execution.create", "execution", "ex_" + i, "ok", 202, null, "127.0.0.1");
    }

    private static List<Long> appendAlone(AuditLog audit, int n) {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            audit.append(draft(i));
            nanos.add(System.nanoTime() - t0);
        }
        return nanos;
    }

    private static List<Long> appendConcurrently(AuditLog audit, int writers, int each) throws Exception {
        List<CompletableFuture<List<Long>>> all = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            all.add(CompletableFuture.supplyAsync(() -> appendAlone(audit, each), r -> Thread.ofVirtual().start(r)));
        }
        List<Long> nanos = new ArrayList<>();
        for (CompletableFuture<List<Long>> f : all) {
            nanos.addAll(f.get());
        }
        return nanos;
    }

    // An authenticated route that answers 404 before touching the store (a malformed execution
    // id) against an unknown path that no filter authenticates: the difference is the gate.
    private static void http(Path dir, int n) throws Exception {
        RateLimits unlimited = new RateLimits(1_000_000_000, 1_000_000_000, 20, Duration.ofSeconds(3));
        try (ErrandServer server = ErrandServer.start(new ServerConfig(new HttpSettings("127.0.0.1", 0, 1024 * 1024, unlimited),
                dir, null, "local", false, ExecutionConfig.defaults(), null))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String key = server.bootstrapKey().orElseThrow();
            URI authenticated = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/executions/not-an-id");
            URI open = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/no-such-route");
            rounds(client, authenticated, key, 3_000);
            rounds(client, open, null, 3_000);
            List<Long> withGate = new ArrayList<>();
            List<Long> without = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                withGate.addAll(rounds(client, authenticated, key, 1));
                without.addAll(rounds(client, open, null, 1));
            }
            System.out.println(row("HTTP round trip, authenticated route (404 before the store)", withGate));
            System.out.println(row("HTTP round trip, unauthenticated unknown route (404)", without));
            List<Long> creates = new ArrayList<>();
            URI executions = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/executions");
            for (int i = 0; i < 300; i++) {
                HttpRequest post = HttpRequest.newBuilder(executions).header("Authorization", "Bearer " + key)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"command\":\"true\"}")).build();
                long t0 = System.nanoTime();
                HttpResponse<Void> r = client.send(post, HttpResponse.BodyHandlers.discarding());
                creates.add(System.nanoTime() - t0);
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("POST /api/v1/executions answered " + r.statusCode());
                }
                Thread.sleep(20);
            }
            System.out.println(row("HTTP POST /api/v1/executions → 202, audited (hot path, 20 ms apart)", creates.subList(50, 300)));
        }
    }

    private static List<Long> rounds(HttpClient client, URI uri, String key, int n) throws Exception {
        List<Long> nanos = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri);
            if (key != null) {
                b.header("Authorization", "Bearer " + key);
            }
            long t0 = System.nanoTime();
            HttpResponse<Void> r = client.send(b.build(), HttpResponse.BodyHandlers.discarding());
            nanos.add(System.nanoTime() - t0);
            if (r.statusCode() != 404) {
                throw new IllegalStateException(uri + " answered " + r.statusCode());
            }
        }
        return nanos;
    }

    private static String row(String name, List<Long> nanos) {
        Stats s = Stats.ofNanos(nanos);
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f |", name, s.n(), s.p50() * 1000,
                s.p90() * 1000, s.p99() * 1000, s.mean() * 1000);
    }
}
