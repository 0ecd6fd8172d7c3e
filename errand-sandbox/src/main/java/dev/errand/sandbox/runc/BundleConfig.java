package dev.errand.sandbox.runc;

import dev.errand.sandbox.Limits;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OCI runtime config ({@code config.json}, runtime-spec 1.0.2) of one container:
 *
 * <ul>
 *   <li>new user, pid, ipc, uts, mount and cgroup namespaces, and a new network namespace
 *       (loopback only) unless the spec shares the host's; ids mapped by {@link IdMapping}
 *   <li>the bundle's {@code rootfs} writable (it is the overlay), {@code /proc}, a private
 *       {@code /dev}, {@code /dev/shm} (no larger than the memory limit, at most 64 MiB by default),
 *       {@code /sys} read-only with a private network namespace only, the work dir at its mount
 *       point, {@code /etc/hosts} and {@code /etc/hostname} from the bundle, the host's
 *       {@code /etc/resolv.conf} when the network is shared
 *   <li>Docker's default capabilities less {@code NET_RAW} and {@code MKNOD} (in the container's
 *       user namespace only), {@code no_new_privs}, the {@link Seccomp} profile, Docker's masked
 *       and read-only {@code /proc} paths, no devices beyond runc's defaults
 *   <li>limits: memory and processes as cgroup limits of the whole container, CPU time and file
 *       size as rlimits, no core dumps
 * </ul>
 * Stateless.
 */
final class BundleConfig {
    private static final long DEFAULT_SHM = 64L << 20;
    private static final List<String> CAPABILITIES = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FOWNER",
            "CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_SETFCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_AUDIT_WRITE");
    private static final List<String> MASKED = List.of("/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys",
            "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi",
            "/sys/firmware", "/sys/devices/virtual/powercap");
    private static final List<String> READ_ONLY = List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys",
            "/proc/sysrq-trigger");

    private BundleConfig() {}

    /** @return the config as a JSON tree of maps and lists */
    static Map<String, Object> of(ContainerSpec spec, Bundle bundle, IdMapping ids, CgroupLayout cgroups) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("ociVersion", "1.0.2");
        config.put("process", process(spec));
        config.put("root", Map.of("path", bundle.rootfs().toString(), "readonly", false));
        config.put("hostname", spec.hostname());
        config.put("mounts", mounts(spec, bundle));
        List<Map<String, Object>> namespaces = new ArrayList<>();
        for (String ns : List.of("pid", "ipc", "uts", "mount", "user", "cgroup")) {
            namespaces.add(Map.of("type", ns));
        }
        if (!spec.network()) {
            namespaces.add(Map.of("type", "network"));
        }
        List<Map<String, Object>> mapping = List.of(Map.of("containerID", 0, "hostID", ids.hostBase(), "size", ids.size()));
        Map<String, Object> linux = new LinkedHashMap<>();
        linux.put("uidMappings", mapping);
        linux.put("gidMappings", mapping);
        linux.put("namespaces", namespaces);
        linux.put("resources", resources(spec.limits()));
        linux.put("cgroupsPath", cgroups.cgroupsPath(spec.id()));
        linux.put("seccomp", Seccomp.profile());
        linux.put("maskedPaths", MASKED);
        linux.put("readonlyPaths", READ_ONLY);
        config.put("linux", linux);
        return config;
    }

    private static Map<String, Object> process(ContainerSpec spec) {
        List<String> env = new ArrayList<>();
        new TreeMap<>(spec.env()).forEach((k, v) -> env.add(k + "=" + v));
        Limits l = spec.limits();
        List<Map<String, Object>> rlimits = new ArrayList<>(List.of(rlimit("RLIMIT_CORE", 0)));
        if (l.cpuSeconds() > 0) {
            rlimits.add(rlimit("RLIMIT_CPU", l.cpuSeconds()));
        }
        if (l.fileSizeBytes() > 0) {
            rlimits.add(rlimit("RLIMIT_FSIZE", l.fileSizeBytes()));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("terminal", false);
        p.put("user", Map.of("uid", spec.uid(), "gid", spec.gid()));
        p.put("args", spec.argv());
        p.put("env", env);
        p.put("cwd", spec.cwd());
        p.put("capabilities", Map.of("bounding", CAPABILITIES, "effective", CAPABILITIES, "permitted", CAPABILITIES));
        p.put("rlimits", rlimits);
        p.put("noNewPrivileges", true);
        return p;
    }

    private static Map<String, Object> rlimit(String type, long value) {
        return Map.of("type", type, "soft", value, "hard", value);
    }

    private static List<Map<String, Object>> mounts(ContainerSpec spec, Bundle bundle) {
        long shm = spec.limits().memoryBytes() > 0 ? Math.min(DEFAULT_SHM, spec.limits().memoryBytes()) : DEFAULT_SHM;
        List<Map<String, Object>> m = new ArrayList<>();
        m.add(mount("/proc", "proc", "proc", List.of("nosuid", "noexec", "nodev")));
        m.add(mount("/dev", "tmpfs", "tmpfs", List.of("nosuid", "strictatime", "mode=755", "size=65536k")));
        m.add(mount("/dev/pts", "devpts", "devpts", List.of("nosuid", "noexec", "newinstance", "ptmxmode=0666",
                "mode=0620")));
        m.add(mount("/dev/shm", "tmpfs", "shm", List.of("nosuid", "noexec", "nodev", "mode=1777", "size=" + shm)));
        m.add(mount("/dev/mqueue", "mqueue", "mqueue", List.of("nosuid", "noexec", "nodev")));
        if (!spec.network()) {
            // sysfs may only be mounted by the owner of the network namespace
            m.add(mount("/sys", "sysfs", "sysfs", List.of("nosuid", "noexec", "nodev", "ro")));
        }
        m.add(bind(spec.workMount(), spec.workDir(), false));
        m.add(bind("/etc/hosts", bundle.dir.resolve("hosts"), true));
        m.add(bind("/etc/hostname", bundle.dir.resolve("hostname"), true));
        if (spec.network()) {
            m.add(bind("/etc/resolv.conf", Path.of("/etc/resolv.conf"), true));
        }
        new TreeMap<>(spec.readOnlyBinds()).forEach((to, from) -> m.add(bind(to, from, true)));
        return m;
    }

    private static Map<String, Object> mount(String destination, String type, String source, List<String> options) {
        return Map.of("destination", destination, "type", type, "source", source, "options", options);
    }

    private static Map<String, Object> bind(String destination, Path source, boolean readOnly) {
        return mount(destination, "bind", source.toString(), List.of("rbind", "nosuid", "nodev", readOnly ? "ro" : "rw"));
    }

    private static Map<String, Object> resources(Limits limits) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("devices", List.of(Map.of("allow", false, "access", "rwm")));
        if (limits.memoryBytes() > 0) {
            r.put("memory", Map.of("limit", limits.memoryBytes()));
        }
        if (limits.maxProcesses() > 0) {
            r.put("pids", Map.of("limit", limits.maxProcesses()));
        }
        return r;
    }
}
