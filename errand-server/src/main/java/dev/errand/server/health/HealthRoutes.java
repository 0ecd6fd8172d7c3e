package dev.errand.server.health;

import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.HealthView;
import dev.errand.protocol.Version;
import dev.errand.server.driver.Drivers;
import dev.errand.server.identity.Action;
import dev.errand.server.store.Database;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code GET /api/v1/health}: 200 when the store and the default driver are ready, else 503, same
 * body. Every driver is listed, with why it is not usable on this host where it is not.
 */
public final class HealthRoutes {
    private final Database db;
    private final Drivers drivers;

    /**
     * @param db the store, pinged on each call
     * @param drivers the enabled drivers, the first being the default
     */
    public HealthRoutes(Database db, Drivers drivers) {
        this.db = db;
        this.drivers = drivers;
    }

    /** Declares the route. */
    public void register(RoutesConfig r) {
        r.get(ApiPaths.HEALTH, this::health, Action.HEALTH_READ);
    }

    private void health(Context ctx) {
        HealthView view = view();
        ctx.status("ok".equals(view.status()) ? 200 : 503).json(view);
    }

    /** @return the current health */
    public HealthView view() {
        boolean storeOk = db.ping();
        HealthView.Component store = new HealthView.Component(db.dialect().folder(), storeOk,
                storeOk ? "migrated and reachable" : "cannot run a query");
        List<HealthView.Component> ds = drivers.health();
        boolean ok = storeOk && !drivers.all().isEmpty() && ds.getFirst().ready();
        return new HealthView(ok ? "ok" : "degraded", Version.current(), store, ds);
    }
}
