package dev.errand.server.driver;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.HealthView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The drivers this server runs executions with, by name, and the drivers it could not enable
 * here with the reason why. Immutable, thread-safe.
 */
public final class Drivers implements AutoCloseable {
    private final Map<String, ExecutionDriver> byName = new LinkedHashMap<>();
    private final Map<String, HealthView.Component> unavailable = new LinkedHashMap<>();

    /** @param drivers the usable drivers; the first is the default */
    public Drivers(Collection<ExecutionDriver> drivers) {
        this(drivers, List.of());
    }

    /**
     * @param drivers the usable drivers; the first is the default
     * @param unavailable drivers that cannot work on this host, each with {@code ready} false and the reason
     */
    public Drivers(Collection<ExecutionDriver> drivers, Collection<HealthView.Component> unavailable) {
        for (ExecutionDriver d : drivers) {
            byName.put(d.name(), d);
        }
        for (HealthView.Component c : unavailable) {
            this.unavailable.put(c.name(), c);
        }
    }

    /**
     * @return the driver with this name
     * @throws ErrandException {@code unavailable} when this server has no such driver, with the
     *     reason when it could not be enabled here
     */
    public ExecutionDriver get(String name) {
        ExecutionDriver d = byName.get(name);
        if (d == null) {
            HealthView.Component why = unavailable.get(name);
            throw new ErrandException(ErrorCode.UNAVAILABLE, "driver '" + name + "' is not enabled on this server"
                    + (why == null ? "" : ": " + why.detail()));
        }
        return d;
    }

    /** Closes every driver. */
    @Override
    public void close() {
        byName.values().forEach(ExecutionDriver::close);
    }

    /** @return the names of the enabled drivers, the default first */
    public java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        all().forEach(d -> out.add(d.name()));
        return out;
    }

    /** @return the enabled drivers, the default first */
    public Collection<ExecutionDriver> all() {
        return byName.values();
    }

    /** @return the health of every enabled driver (default first), then of every unavailable one */
    public List<HealthView.Component> health() {
        List<HealthView.Component> out = new ArrayList<>();
        byName.values().forEach(d -> out.add(d.health()));
        out.addAll(unavailable.values());
        return out;
    }
}
