package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures a process tree without cgroups: every 250 ms it reads {@code /proc/PID/stat} of the
 * tree under the sandbox's outermost process and keeps the largest CPU total (user + system of
 * live processes plus what they reaped) and the largest summed resident memory. Usage of the
 * last quarter second, and of processes that lived less than that, can be missed. Thread-safe.
 */
final class ProcSampler implements UsageSource {
    private static final long TICKS = 100;
    private static final long PAGE = 4096;
    private final long root;
    private final Thread thread;
    private volatile long maxTicks = -1;
    private volatile long maxRss = -1;
    private volatile boolean closed;

    ProcSampler(long rootPid) {
        this.root = rootPid;
        this.thread = Thread.ofVirtual().name("usage-" + rootPid).start(this::loop);
    }

    private void loop() {
        while (!closed) {
            sample();
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Map<Long, List<Long>> children = new HashMap<>();
        Map<Long, long[]> stats = new HashMap<>();
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    children.computeIfAbsent(Long.parseLong(f[1]), k -> new ArrayList<>()).add(pid);
                    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
                    stats.put(pid, new long[] {ticks, Long.parseLong(f[21]) * PAGE});
                } catch (IOException | RuntimeException gone) {
                    // The process ended while we looked.
                }
            }
        } catch (IOException e) {
            return;
        }
        long ticks = 0;
        long rss = 0;
        ArrayDeque<Long> todo = new ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            long pid = todo.pop();
            long[] s = stats.get(pid);
            if (s != null) {
                ticks += s[0];
                rss += s[1];
            }
            todo.addAll(children.getOrDefault(pid, List.of()));
        }
        if (stats.containsKey(root)) {
            maxTicks = Math.max(maxTicks, ticks);
            maxRss = Math.max(maxRss, rss);
        }
    }

    @Override
    public ResourceUsage usage() {
        long t = maxTicks;
        long r = maxRss;
        return new ResourceUsage(t < 0 ? null : t / (double) TICKS, r < 0 ? null : r, null, "sampled");
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
