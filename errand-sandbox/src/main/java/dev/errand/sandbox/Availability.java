package dev.errand.sandbox;

/**
 * Whether a launcher can run sandboxes on this host.
 *
 * @param available true when it can
 * @param detail when not available, what is missing and the exact command that fixes it; when
 *     available, a short description such as {@code bubblewrap 0.8.0}
 */
public record Availability(boolean available, String detail) {
    /** @return an available result with a description */
    public static Availability ok(String detail) {
        return new Availability(true, detail);
    }

    /** @return an unavailable result with the reason and fix */
    public static Availability missing(String detail) {
        return new Availability(false, detail);
    }
}
