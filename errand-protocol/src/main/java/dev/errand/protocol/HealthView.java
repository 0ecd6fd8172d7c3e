package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code GET /api/v1/health} (public, no key needed).
 *
 * @param status {@code ok} when the store and the default driver are ready, else {@code degraded}
 * @param version the server version
 * @param store the store's kind and readiness
 * @param drivers every known driver and whether it is usable on this host
 */
public record HealthView(String status, String version, Component store, List<Component> drivers) {

    /**
     * @param name the component name ({@code sqlite}, {@code postgresql}, {@code local}, ...)
     * @param ready whether it can serve now
     * @param detail why not (with the fix, such as an install command), or a short description
     */
    public record Component(String name, boolean ready, String detail) {}
}
