package dev.errand.server.code;

import java.util.List;

/** Linux signal names by number, for the {@code signal} field of a result. Stateless. */
final class Signals {
    private static final List<String> NAMES = List.of("", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP",
            "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM",
            "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG",
            "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS");
    /** SIGKILL. */
    static final int KILL = 9;
    /** SIGXCPU: the CPU-time limit. */
    static final int XCPU = 24;
    /** SIGXFSZ: the file-size limit. */
    static final int XFSZ = 25;

    private Signals() {}

    /**
     * @param exit an exit status as the shell reports it
     * @return the signal number when {@code exit} is 128 + a signal number, else 0
     */
    static int of(int exit) {
        int n = exit - 128;
        return n > 0 && n < NAMES.size() ? n : 0;
    }

    /** @return the name of signal {@code n}, such as {@code SIGKILL}, or null for 0 */
    static String name(int n) {
        return n > 0 && n < NAMES.size() ? NAMES.get(n) : null;
    }
}
