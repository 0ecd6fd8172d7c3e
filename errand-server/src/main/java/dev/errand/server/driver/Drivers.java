package dev.errand.server.driver;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The drivers this server runs executions with, by name. Immutable, thread-safe. */
public final class Drivers implements AutoCloseable {
    private final Map<String, ExecutionDriver> byName = new LinkedHashMap<>();

    /** @param drivers the usable drivers; the first is the default */
    public Drivers(Collection<ExecutionDriver> drivers) {
        for (ExecutionDriver d : drivers) {
            byName.put(d.name(), d);
        }
    }

    /**
     * @return the driver with this name
     * @throws ErrandException {@code unavailable} when this server has no such driver
     */
    public ExecutionDriver get(String name) {
        ExecutionDriver d = byName.get(name);
        if (d == null) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "driver '" + name + "' is not enabled on this server");
        }
        return d;
    }

    /** Closes every driver. */
    @Override
    public void close() {
        byName.values().forEach(ExecutionDriver::close);
    }

    /** @return every driver, default first */
    public Collection<ExecutionDriver> all() {
        return byName.values();
    }
}
