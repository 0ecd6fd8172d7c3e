package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A cgroup per sandbox (v2 unified, or the v1 memory, pids and cpuacct hierarchies) under
 * {@code errand/}: it enforces the memory and process limits on the whole process tree, and counts
 * CPU time and peak memory. The sandbox's launch chain moves itself in first, as root and before
 * anything forks ({@link #procsFiles}). Only a root server can create one; elsewhere
 * {@link #create} returns empty and rlimits apply. Thread-safe: a reading never races the removal.
 */
final class Cgroup implements UsageSource {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final AtomicLong SEQ = new AtomicLong();
    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();
    /** Leaf names end in the creating JVM's pid and a sequence number. */
    private static final java.util.regex.Pattern LEAF = java.util.regex.Pattern.compile(".*-([0-9]+)-[0-9]+");
    private final boolean v2;
    private final Path memory;
    private final Path pids;
    private final Path cpu;
    private volatile ResourceUsage last;

    private Cgroup(boolean v2, Path memory, Path pids, Path cpu) {
        this.v2 = v2;
        this.memory = memory;
        this.pids = pids;
        this.cpu = cpu;
    }

    /** @return a new cgroup with {@code limits} applied, or empty when this host does not let us make one */
    static Optional<Cgroup> create(String name, Limits limits) {
        if (!SWEPT.getAndSet(true)) {
            sweep();
        }
        String leaf = name + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet();
        try {
            if (Files.exists(ROOT.resolve("cgroup.controllers"))) {
                Path base = ROOT.resolve("errand");
                Files.createDirectories(base);
                tryWrite(ROOT.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
                tryWrite(base.resolve("cgroup.subtree_control"), "+memory +pids +cpu");
                Path dir = Files.createDirectories(base.resolve(leaf));
                Cgroup c = new Cgroup(true, dir, dir, dir);
                c.limit(limits, "memory.max", "pids.max");
                return Optional.of(c);
            }
            if (Files.exists(ROOT.resolve("memory/memory.limit_in_bytes")) && Files.isDirectory(ROOT.resolve("pids"))
                    && Files.isDirectory(ROOT.resolve("cpuacct"))) {
                Cgroup c = new Cgroup(false, Files.createDirectories(ROOT.resolve("memory/errand/" + leaf)),
                        Files.createDirectories(ROOT.resolve("pids/errand/" + leaf)),
                        Files.createDirectories(ROOT.resolve("cpuacct/errand/" + leaf)));
                c.limit(limits, "memory.limit_in_bytes", "pids.max");
                return Optional.of(c);
            }
        } catch (IOException | RuntimeException e) {
            // Not root, read-only cgroupfs, or a controller missing: rlimits remain.
        }
        return Optional.empty();
    }

    private void limit(Limits limits, String memoryFile, String pidsFile) throws IOException {
        if (limits.memoryBytes() > 0) {
            Files.writeString(memory.resolve(memoryFile), Long.toString(limits.memoryBytes()));
            if (v2) {
                tryWrite(memory.resolve("memory.swap.max"), "0");
            }
        }
        if (limits.maxProcesses() > 0) {
            Files.writeString(pids.resolve(pidsFile), Integer.toString(limits.maxProcesses()));
        }
    }

    /** @return the {@code cgroup.procs} files the launch chain writes its pid to, before anything forks */
    List<Path> procsFiles() {
        List<Path> files = new ArrayList<>();
        for (Path dir : v2 ? List.of(memory) : List.of(memory, pids, cpu)) {
            files.add(dir.resolve("cgroup.procs"));
        }
        return files;
    }

    @Override
    public synchronized ResourceUsage usage() {
        ResourceUsage done = last;
        return done != null ? done : read();
    }

    private ResourceUsage read() {
        long cpuNanos = v2 ? 1000 * field(cpu.resolve("cpu.stat"), "usage_usec") : number(cpu.resolve("cpuacct.usage"));
        long peak = number(memory.resolve(v2 ? "memory.peak" : "memory.max_usage_in_bytes"));
        String hit = null;
        if (field(memory.resolve(v2 ? "memory.events" : "memory.oom_control"), "oom_kill") > 0) {
            hit = "memory";
        } else if (field(pids.resolve("pids.events"), "max") > 0) {
            hit = "processes";
        }
        return new ResourceUsage(cpuNanos < 0 ? null : cpuNanos / 1e9, peak < 0 ? null : peak, hit, "cgroup");
    }

    /** Takes the final reading, then removes the cgroup directories (retrying while they empty). */
    @Override
    public synchronized void close() {
        if (last != null) {
            return;
        }
        last = read();
        for (Path dir : v2 ? List.of(memory) : List.of(memory, pids, cpu)) {
            for (int i = 0; i < 50; i++) {
                try {
                    Files.deleteIfExists(dir);
                    break;
                } catch (IOException e) {
                    sleep();
                }
            }
        }
    }

    private static long number(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** @return the value of {@code key} in a "key value" per line file, 0 when absent, -1 when unreadable */
    private static long field(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (kv.length == 2 && kv[0].equals(key)) {
                    return Long.parseLong(kv[1]);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Removes the cgroups that JVMs no longer running left behind (a JVM that exits before its
     * sandboxes' exit handlers ran cannot remove theirs); a cgroup that still holds processes stays.
     */
    private static void sweep() {
        for (Path base : List.of(ROOT.resolve("errand"), ROOT.resolve("memory/errand"), ROOT.resolve("pids/errand"),
                ROOT.resolve("cpuacct/errand"))) {
            try (var children = Files.newDirectoryStream(base)) {
                for (Path child : children) {
                    var m = LEAF.matcher(child.getFileName().toString());
                    if (Files.isDirectory(child) && m.matches()
                            && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                        try {
                            Files.delete(child);
                        } catch (IOException busy) {
                            // Still has processes, or not ours: leave it.
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // No such hierarchy here.
            }
        }
    }

    private static void tryWrite(Path file, String value) {
        try {
            Files.writeString(file, value);
        } catch (IOException e) {
            // Already enabled, or not ours to enable: creation below decides.
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
