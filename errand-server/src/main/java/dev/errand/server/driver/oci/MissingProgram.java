package dev.errand.server.driver.oci;

import dev.errand.protocol.LogStream;
import dev.errand.server.driver.OutputSink;
import dev.errand.server.driver.RunningExecution;
import java.time.Duration;
import java.time.Instant;

/**
 * An execution whose program does not exist in its image: no container is started; the program
 * "exits" 127 at once after one stderr line, as a shell reports a missing command.
 */
final class MissingProgram implements RunningExecution {
    /** The exit code of a command that was not found. */
    static final int NOT_FOUND = 127;

    /** Delivers the note to {@code sink}. */
    MissingProgram(OutputSink sink, String program, String image) {
        String hint = program.equals("/bin/sh") ? " (the image has no shell: give no command to run its entrypoint)" : "";
        sink.line(LogStream.STDERR, program + ": not found in image '" + image + "'" + hint, Instant.now());
    }

    @Override
    public int awaitExit() {
        return NOT_FOUND;
    }

    @Override
    public void kill(Duration grace) {
        // nothing runs
    }
}
