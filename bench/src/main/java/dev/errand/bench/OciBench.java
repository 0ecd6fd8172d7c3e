package dev.errand.bench;

import dev.errand.protocol.ExecutionStatus;
import dev.errand.protocol.ExecutionView;
import dev.errand.protocol.StreamEvent;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Container start overhead of the {@code oci} driver against the {@code local} driver, in the
 * same run on the same server: submit → first log line over WebSocket, and submit → final
 * status, for {@code echo hi}. The two drivers alternate run by run, so both see the same load.
 * The image is Debian's busybox-static packed with umoci, imported from an OCI archive.
 *
 * <p>Run: {@code bench/run oci [runs]} (as root, with runc, umoci, skopeo and busybox-static).
 */
public final class OciBench {
    private OciBench() {}

    /** @param args optional: runs per driver (200) */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("errand-oci-bench");
        try (ErrandServer server = ErrandServer.start(ServerConfig.forDataDir(dir.resolve("data")))) {
            BenchClient client = new BenchClient(server.port(), server.bootstrapKey().orElseThrow());
            client.post("/api/v1/images/import", Map.of("name", "busybox", "source", "oci-archive:" + busybox(dir)), 201);
            List<Long> localFirst = new ArrayList<>();
            List<Long> ociFirst = new ArrayList<>();
            List<Long> localEnd = new ArrayList<>();
            List<Long> ociEnd = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                once(client, "host", new ArrayList<>(), new ArrayList<>());
                once(client, "busybox", new ArrayList<>(), new ArrayList<>());
            }
            for (int i = 0; i < runs; i++) {
                once(client, "host", localFirst, localEnd);
                once(client, "busybox", ociFirst, ociEnd);
            }
            Stats lf = Stats.ofNanos(localFirst);
            Stats of = Stats.ofNanos(ociFirst);
            System.out.println("## OCI driver start overhead (SQLite, " + Runtime.getRuntime().availableProcessors()
                    + " cores, drivers alternating)\n");
            System.out.println(Stats.header());
            System.out.println(lf.row("local: submit → first log line (`echo hi`)"));
            System.out.println(of.row("oci: submit → first log line (`echo hi`)"));
            System.out.println(Stats.ofNanos(localEnd).row("local: submit → final status"));
            System.out.println(Stats.ofNanos(ociEnd).row("oci: submit → final status"));
            System.out.printf("%noci / local, first line p50: %.2f× (target ≤ 2×)%n", of.p50() / lf.p50());
        }
        System.exit(0);
    }

    private static void once(BenchClient client, String image, List<Long> first, List<Long> end) throws Exception {
        long t0 = System.nanoTime();
        ExecutionView e = client.submit(image, "echo hi");
        AtomicLong firstLine = new AtomicLong();
        CompletableFuture<StreamEvent.Status> done = client.follow(e.id(), ev -> {
            if (ev instanceof StreamEvent.Logs && firstLine.get() == 0) {
                firstLine.set(System.nanoTime());
            }
        });
        StreamEvent.Status s = done.get(60, TimeUnit.SECONDS);
        long t1 = System.nanoTime();
        if (s.status() != ExecutionStatus.SUCCEEDED || firstLine.get() == 0) {
            throw new IllegalStateException(image + " run " + e.id() + " ended " + s);
        }
        first.add(firstLine.get() - t0);
        end.add(t1 - t0);
    }

    /** Packs /bin/busybox (with a link per applet) into an OCI archive with umoci and skopeo. */
    private static Path busybox(Path dir) throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("rootfs/bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("busybox"));
        for (String applet : List.of("sh", "echo", "cat", "sleep", "env")) {
            Files.createSymbolicLink(rootfs.resolve(applet), Path.of("busybox"));
        }
        String layout = dir.resolve("layout") + ":bb";
        run("umoci", "init", "--layout", dir.resolve("layout").toString());
        run("umoci", "new", "--image", layout);
        run("umoci", "insert", "--image", layout, dir.resolve("rootfs").toString(), "/");
        run("umoci", "config", "--image", layout, "--config.env", "PATH=/bin");
        Path tar = dir.resolve("busybox.tar");
        run("skopeo", "copy", "--quiet", "oci:" + layout, "oci-archive:" + tar + ":bb");
        return tar;
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }
}
