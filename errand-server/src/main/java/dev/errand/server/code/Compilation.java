package dev.errand.server.code;

/**
 * The compile step of a run, as the stub reported it.
 *
 * @param exit the compiler's exit code (137 when it was stopped), 0 when cached
 * @param cached true when the artefacts came from the compile cache and nothing was compiled
 * @param output the compiler's output, at most the output limit
 * @param outputBytes the full size of the compiler's output
 * @param artefacts the compiled working directory as a tar, empty when not kept
 * @param millis how long compiling took
 * @param timedOut true when the server stopped the compiler at its wall-clock limit
 */
record Compilation(int exit, boolean cached, byte[] output, long outputBytes, byte[] artefacts, long millis,
        boolean timedOut) {
    /** @return true when the program may run */
    boolean succeeded() {
        return exit == 0;
    }
}
