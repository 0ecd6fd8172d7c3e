package dev.errand.cli;

/**
 * Where the CLI learns that the user pressed Ctrl-C (SIGINT) while it follows an execution.
 * Production uses JVM shutdown hooks: the action runs, then the JVM exits with status 130.
 * Tests supply their own implementation and trigger the action directly.
 */
@FunctionalInterface
public interface Interrupts {

    /**
     * Arranges for {@code action} to run once if the user interrupts the process before the
     * returned registration is closed. The action runs on another thread and must be quick.
     *
     * @param action what to do on interrupt, such as printing how to reattach
     * @return a handle that cancels the arrangement when closed; closing twice is harmless
     */
    Registration onInterrupt(Runnable action);

    /** Cancels an {@link #onInterrupt} arrangement. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        /** Cancels the arrangement; never throws. */
        @Override
        void close();
    }

    /** @return interrupts that never fire, for embedding and tests */
    static Interrupts none() {
        return action -> () -> {};
    }

    /** @return interrupts delivered through JVM shutdown hooks (SIGINT, SIGTERM, SIGHUP) */
    static Interrupts shutdownHooks() {
        return action -> {
            Thread hook = new Thread(action, "errand-interrupt");
            Runtime.getRuntime().addShutdownHook(hook);
            return () -> {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shutdownInProgress) {
                    // The hook is already running or has run; nothing to cancel.
                }
            };
        };
    }
}
