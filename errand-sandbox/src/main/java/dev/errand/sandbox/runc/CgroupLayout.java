package dev.errand.sandbox.runc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The cgroup hierarchy runc puts containers in, and how to read a container's usage from it.
 * {@link #V1} also covers hybrid hosts (v1 controllers plus an empty v2 mount), which runc drives
 * through their v1 controllers. Stateless and thread-safe.
 */
enum CgroupLayout {
    /** Separate v1 hierarchies: {@code /sys/fs/cgroup/memory}, {@code /sys/fs/cgroup/pids}, ... */
    V1,
    /** One unified v2 hierarchy at {@code /sys/fs/cgroup}. */
    V2;

    /**
     * @param root the cgroup mount root, {@code /sys/fs/cgroup} except in tests
     * @return the layout of this host
     * @throws IOException when neither layout with the memory, pids and cpu accounting controllers
     *     is there; the message says what is missing
     */
    static CgroupLayout detect(Path root) throws IOException {
        if (Files.isRegularFile(root.resolve("cgroup.controllers"))) {
            String controllers = Files.readString(root.resolve("cgroup.controllers"));
            if (controllers.contains("memory") && controllers.contains("pids")) {
                return V2;
            }
            throw new IOException("cgroup layout unsupported: the cgroup v2 hierarchy at " + root
                    + " lacks the memory or pids controller (has: " + controllers.strip() + ")");
        }
        for (String controller : new String[] {"memory", "pids", "cpuacct"}) {
            if (!Files.isRegularFile(root.resolve(controller).resolve("cgroup.procs"))) {
                throw new IOException("cgroup layout unsupported: no cgroup v2 hierarchy at " + root
                        + " and no cgroup v1 '" + controller + "' hierarchy at " + root.resolve(controller)
                        + "; runc needs the memory and pids controllers to limit containers");
            }
        }
        return V1;
    }

    /**
     * The cgroup path runc is given: on v1 relative to the server's own cgroups (so containers
     * count against the server's service); on v2 absolute, because a v2 cgroup that holds
     * processes may not also have children with controllers.
     */
    String cgroupsPath(String id) {
        return this == V1 ? "errand/" + id : "/errand/" + id;
    }

    /**
     * @param paths runc's {@code cgroup_paths} of the container: controller to directory, {@code ""}
     *     for the v2 hierarchy
     * @return what the container used; zeros for anything the kernel does not report
     */
    ContainerUsage usage(Map<String, String> paths) {
        if (this == V2) {
            Path dir = Path.of(paths.getOrDefault("", "/nonexistent"));
            long micros = field(dir.resolve("cpu.stat"), "usage_usec");
            long peak = number(dir.resolve("memory.peak"));
            return new ContainerUsage(micros / 1e6, peak, field(dir.resolve("memory.events"), "oom_kill") > 0);
        }
        Path memory = Path.of(paths.getOrDefault("memory", "/nonexistent"));
        long nanos = number(Path.of(paths.getOrDefault("cpuacct", "/nonexistent")).resolve("cpuacct.usage"));
        return new ContainerUsage(nanos / 1e9, number(memory.resolve("memory.max_usage_in_bytes")),
                field(memory.resolve("memory.oom_control"), "oom_kill") > 0);
    }

    /** @return the file's single number, or 0 when it is missing or not a number */
    private static long number(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** @return the value of the {@code name value} line of a flat-keyed file, or 0 */
    private static long field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.strip().split("\\s+");
                if (kv.length == 2 && kv[0].equals(name)) {
                    return Long.parseLong(kv[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
