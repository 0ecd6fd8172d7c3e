package dev.errand.sandbox;

/**
 * Signals for a bubblewrap sandbox. The host process is bubblewrap itself; its only child is the
 * sandbox's pid-namespace init (bubblewrap's reaper), and every process of the program descends
 * from that init, even one that started its own session or was orphaned.
 *
 * <p>SIGTERM goes to the program's processes only: bubblewrap does not survive a SIGTERM, and its
 * death would SIGKILL the sandbox at once, leaving the program no grace. SIGKILL goes to the
 * namespace init, whose death makes the kernel kill everything left in the namespace, then to
 * bubblewrap. {@link ProcessHandle} checks each pid's start time, so a recycled pid is never hit.
 */
final class NamespaceSignals implements ProcessSignals {
    private final ProcessHandle bwrap;

    /** @param bwrap the host-side bubblewrap process */
    NamespaceSignals(ProcessHandle bwrap) {
        this.bwrap = bwrap;
    }

    @Override
    public void terminate() {
        bwrap.children().forEach(init -> init.descendants().forEach(ProcessHandle::destroy));
    }

    @Override
    public void kill() {
        bwrap.children().forEach(ProcessHandle::destroyForcibly);
        bwrap.destroyForcibly();
    }
}
