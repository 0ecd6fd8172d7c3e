package dev.errand.sandbox.runc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The seccomp profile of every container: everything is allowed except system calls that widen
 * the kernel surface a container can reach and that ordinary commands never need (keyrings, BPF,
 * perf, userfaultfd, module and kexec loading, mounting, new user namespaces). {@code clone3}
 * answers ENOSYS so that the C library falls back to {@code clone}, whose flags the profile can
 * inspect. Rules cover the native architecture and its 32-bit compatibility modes. Stateless.
 */
final class Seccomp {
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final long CLONE_NEWUSER = 0x1000_0000L;
    private static final List<String> DENIED = List.of("add_key", "keyctl", "request_key", "bpf",
            "perf_event_open", "userfaultfd", "kexec_load", "kexec_file_load", "open_by_handle_at", "init_module",
            "finit_module", "delete_module", "reboot", "swapon", "swapoff", "syslog", "acct", "mount", "umount2",
            "pivot_root", "fsopen", "fsmount", "fsconfig", "fspick", "move_mount", "open_tree", "lookup_dcookie",
            "quotactl", "iopl", "ioperm");

    private Seccomp() {}

    /** @return the profile in the runtime-spec's {@code linux.seccomp} shape */
    static Map<String, Object> profile() {
        List<Map<String, Object>> rules = new ArrayList<>();
        rules.add(Map.of("names", DENIED, "action", "SCMP_ACT_ERRNO", "errnoRet", EPERM));
        rules.add(Map.of("names", List.of("clone3"), "action", "SCMP_ACT_ERRNO", "errnoRet", ENOSYS));
        // flags are argument 0 of unshare, and of clone on every architecture but s390
        rules.add(Map.of("names", List.of("unshare", "clone"), "action", "SCMP_ACT_ERRNO", "errnoRet", EPERM,
                "args", List.of(Map.of("index", 0, "value", CLONE_NEWUSER, "valueTwo", CLONE_NEWUSER,
                        "op", "SCMP_CMP_MASKED_EQ"))));
        return Map.of("defaultAction", "SCMP_ACT_ALLOW", "architectures", architectures(), "syscalls", rules);
    }

    private static List<String> architectures() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
            case "aarch64" -> List.of("SCMP_ARCH_AARCH64", "SCMP_ARCH_ARM");
            default -> List.of();
        };
    }
}
