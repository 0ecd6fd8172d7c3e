package dev.errand.server.driver;

/**
 * How much of an execution's output is already stored, so that a driver re-attaching after a
 * server restart delivers only what follows. Lines are counted as the driver delivered them (a
 * line over the maximum length counts as the pieces it was split into).
 *
 * @param stdoutLines stdout lines stored
 * @param stderrLines stderr lines stored
 */
public record Delivered(long stdoutLines, long stderrLines) {
    /** Nothing stored yet. */
    public static final Delivered NOTHING = new Delivered(0, 0);
}
