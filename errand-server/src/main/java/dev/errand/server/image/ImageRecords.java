package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ImageRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every change to the image registry shares, whether it registers, imports or builds: reading
 * and saving image rows, who may change images, the enabled drivers, merging a request's defaults
 * into an image, and the audit hook. Thread-safe.
 */
final class ImageRecords {
    // The audit lines keep the logger name they have always had.
    private static final Logger LOG = LoggerFactory.getLogger(ImageService.class);
    private final Database db;
    private final ImageStore store;
    private final Set<String> drivers;
    private final String defaultDriver;
    private final int maxTimeout;
    private final Clock clock;

    ImageRecords(Database db, ImageStore store, Set<String> drivers, String defaultDriver, int maxTimeout, Clock clock) {
        this.db = db;
        this.store = store;
        this.drivers = drivers;
        this.defaultDriver = defaultDriver;
        this.maxTimeout = maxTimeout;
        this.clock = clock;
    }

    List<ImageView> list() {
        return db.read(h -> store.list(h));
    }

    Optional<ImageView> find(String name) {
        return db.read(h -> store.find(h, name));
    }

    /** @throws ErrandException {@code not_found} */
    ImageView get(String name) {
        return find(name).orElseThrow(() -> ErrandException.notFound("no image '" + name + "'"));
    }

    /**
     * Inserts or updates an image's row and, when asked and the row was written, makes it the
     * default, in one transaction.
     *
     * @return false when nothing was written: the name is taken (insert) or gone (update)
     */
    boolean save(ImageView image, boolean insert, Boolean makeDefault) {
        return db.write(h -> {
            boolean written = insert ? store.insert(h, image) : store.update(h, image);
            if (written && Boolean.TRUE.equals(makeDefault)) {
                store.setDefault(h, image.name());
            }
            return written;
        });
    }

    /** Makes {@code name} the only default image. */
    void makeDefault(String name) {
        db.write(h -> {
            store.setDefault(h, name);
            return null;
        });
    }

    /** Deletes an image's row. */
    void delete(String name) {
        db.write(h -> store.delete(h, name));
    }

    /** Checks the request's defaults (limits, timeout up to the server's maximum, env, roles). */
    void checkDefaults(ImageRequest r) {
        ImageRules.defaults(r, maxTimeout);
    }

    /** @return whether this driver is enabled on this server */
    boolean enabled(String driver) {
        return drivers.contains(driver);
    }

    /** @return the driver images get when the request names none */
    String defaultDriver() {
        return defaultDriver;
    }

    /**
     * @param name the driver a request names, or null for the default
     * @throws ErrandException {@code invalid_request} when it is not enabled
     */
    String driver(String name) {
        String d = name == null ? defaultDriver : name;
        if (!drivers.contains(d)) {
            throw ErrandException.invalid("driver '" + d + "' is not enabled on this server: use one of " + drivers);
        }
        return d;
    }

    Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    /** @return {@code i} with the defaults the request sets (null fields keep the image's) */
    static ImageView apply(ImageView i, ImageRequest r) {
        return new ImageView(i.name(), i.driver(), i.source(), i.rootfs(), i.suite(), i.packages(),
                r.cpus() != null ? r.cpus() : i.cpus(), r.memoryMb() != null ? r.memoryMb() : i.memoryMb(),
                r.maxProcesses() != null ? r.maxProcesses() : i.maxProcesses(),
                r.cpuSeconds() != null ? r.cpuSeconds() : i.cpuSeconds(), r.network() != null ? r.network() : i.network(),
                r.env() != null ? ImageRules.env(r.env()) : i.env() == null ? ImageCatalogEnv.DEBIAN : i.env(),
                r.user() != null ? r.user() : i.user(), r.workdir() != null ? r.workdir() : i.workdir(),
                r.timeoutSeconds() != null ? r.timeoutSeconds() : i.timeoutSeconds(),
                r.roles() != null ? r.roles().stream().map(x -> Role.parse(x).wireName()).distinct().sorted().toList() : i.roles(),
                i.isDefault(), i.buildState(), i.builtAt(), i.createdBy(), i.createdAt());
    }

    /** @throws ErrandException {@code forbidden} unless the caller is an operator or an admin */
    static void requireManager(Principal caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.OPERATOR) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                    + " cannot manage images: operators and admins can");
        }
    }

    /** The single place the audit chain hooks in. */
    static void audit(Principal caller, String action, String name) {
        LOG.info("audit {} image={} by={} key={}", action, name, caller.email(), caller.keyId());
    }
}
