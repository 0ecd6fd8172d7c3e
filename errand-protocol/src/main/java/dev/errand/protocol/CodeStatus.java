package dev.errand.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a code run ended, or where it is. The wire form is the lower-case name, such as
 * {@code compile_error}.
 */
public enum CodeStatus {
    /** Accepted ({@code wait=false} or a batch) and waiting for a free sandbox. */
    QUEUED,
    /** Running now. */
    RUNNING,
    /** Compiled (if needed) and exited with code 0. */
    OK,
    /** The compiler rejected the program or ran out of time; see {@code compile_output}. */
    COMPILE_ERROR,
    /** Exited with a non-zero code or was killed by a signal. */
    RUNTIME_ERROR,
    /** Ran past its wall-clock or CPU limit and was killed. */
    TIMEOUT,
    /** Ran out of its memory limit. */
    MEMORY_LIMIT,
    /** Wrote more than the server's output limit; the output is truncated. */
    OUTPUT_LIMIT,
    /** The server could not run it; {@code message} says why. */
    INTERNAL_ERROR;

    /** @return true once the run has ended */
    public boolean terminal() {
        return this != QUEUED && this != RUNNING;
    }

    /** @return the wire form */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param wire a wire name, case-insensitive
     * @return the status
     * @throws IllegalArgumentException for an unknown name
     */
    @JsonCreator
    public static CodeStatus fromWire(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
