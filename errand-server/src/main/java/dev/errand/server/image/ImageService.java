package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ImageBuildRequest;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.protocol.ImageRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers, changes, lists, removes and builds images, and picks the default. Every role may list
 * and show images; operators and admins manage them. Exactly one image is the default at any time:
 * the default cannot be removed until another is made default. Thread-safe.
 */
public final class ImageService {
    private static final Logger LOG = LoggerFactory.getLogger(ImageService.class);
    private final Database db;
    private final ImageStore store;
    private final Set<String> drivers;
    private final String defaultDriver;
    private final ImageBuilder builder;
    private final int maxTimeout;
    private final Clock clock;
    private volatile OciImages oci;

    /**
     * @param drivers the names of the enabled drivers
     * @param defaultDriver the driver images get when the request names none
     * @param builder builds Debian images
     * @param maxTimeout the largest timeout an image may default to, in seconds
     */
    public ImageService(Database db, ImageStore store, Set<String> drivers, String defaultDriver, ImageBuilder builder,
            int maxTimeout, Clock clock) {
        this.db = db;
        this.store = store;
        this.drivers = drivers;
        this.defaultDriver = defaultDriver;
        this.builder = builder;
        this.maxTimeout = maxTimeout;
        this.clock = clock;
    }

    /**
     * Lets images be registered from OCI sources ({@code --driver oci --source docker://...}).
     *
     * @param oci the OCI image store, or null when the {@code oci} driver is not enabled
     */
    public void ociImages(OciImages oci) {
        this.oci = oci;
    }

    /** @return every image, by name */
    public List<ImageView> list() {
        return db.read(h -> store.list(h));
    }

    /** @throws ErrandException {@code not_found} */
    public ImageView get(String name) {
        return db.read(h -> store.find(h, name)).orElseThrow(() -> ErrandException.notFound("no image '" + name + "'"));
    }

    /**
     * Registers a {@code rootfs} (or a second {@code host}) image.
     *
     * @throws ErrandException {@code forbidden}, {@code invalid_request}, {@code conflict} for a taken name
     */
    public ImageView register(Principal caller, ImageRequest r) {
        requireManager(caller);
        String name = ImageRules.name(r.name());
        if (OciImages.isOciSource(r.source()) || "oci".equals(r.driver())) {
            return registerOci(caller, new ImageImportRequest(name, r.source(), null, null, null, r.env(), r.workdir(),
                    r.user(), r.network(), null, null), r, false);
        }
        String source = r.source() == null ? (r.rootfs() == null ? "host" : "rootfs") : r.source();
        if (!source.equals("host") && !source.equals("rootfs")) {
            throw ErrandException.invalid("source must be 'host', 'rootfs' or an OCI image (oci-archive:PATH,"
                    + " oci:DIR[:TAG], docker-archive:PATH, docker://REF); Debian images are made with"
                    + " 'errand images build " + name + " --suite bookworm'");
        }
        String rootfs = source.equals("rootfs") ? ImageRules.rootfs(r.rootfs()) : null;
        ImageRules.defaults(r, maxTimeout);
        ImageView image = apply(new ImageView(name, driver(r.driver()), source, rootfs, null, null, null, null, null, null,
                true, null, null, null, null, List.of(), false, null, null, caller.email(), now()), r);
        db.write(h -> {
            if (!store.insert(h, image)) {
                throw ErrandException.conflict("an image named '" + name + "' exists already");
            }
            if (Boolean.TRUE.equals(r.setDefault())) {
                store.setDefault(h, name);
            }
            return null;
        });
        audit(caller, "image.register", name);
        return get(name);
    }

    /**
     * {@code images import}: imports an OCI image and registers it (driver {@code oci}), or
     * re-imports an OCI image registered under that name already.
     *
     * @throws ErrandException {@code forbidden}, {@code invalid_request}, {@code unavailable}, and
     *     {@code conflict} when the name belongs to an image that is not an OCI image
     */
    public ImageView importOci(Principal caller, ImageImportRequest ir) {
        requireManager(caller);
        Integer memoryMb = ir.memoryBytes() == null ? null : (int) Math.max(1, (ir.memoryBytes() + (1 << 20) - 1) >> 20);
        ImageRequest r = new ImageRequest(ImageRules.name(ir.name()), ir.source(), null, "oci", null, memoryMb,
                ir.maxProcesses(), null, ir.network(), null, null, null, null, null, null);
        return registerOci(caller, ir, r, true);
    }

    private ImageView registerOci(Principal caller, ImageImportRequest ir, ImageRequest r, boolean replace) {
        String name = ir.name();
        OciImages importer = oci;
        if (importer == null || !drivers.contains("oci")) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "the oci driver is not enabled on this"
                    + " server, so OCI images cannot be registered (see errand health)");
        }
        if (r.driver() != null && !r.driver().equals("oci")) {
            throw ErrandException.invalid("an OCI image source runs with driver 'oci', not '" + r.driver() + "'");
        }
        if (ir.source() == null || ir.source().isBlank()) {
            throw ErrandException.invalid("driver 'oci' needs an OCI image source: oci-archive:PATH, oci:DIR[:TAG],"
                    + " docker-archive:PATH or docker://REF");
        }
        ImageRules.defaults(r, maxTimeout);
        java.util.Optional<ImageView> old = db.read(h -> store.find(h, name));
        if (old.isPresent() && replace && !"oci".equals(old.get().driver())) {
            throw ErrandException.invalid("image name '" + name + "' belongs to a " + old.get().source()
                    + " image, not an OCI one: choose another name");
        }
        if (old.isPresent() && !replace) {
            throw ErrandException.conflict("an image named '" + name + "' exists already");
        }
        OciImages.Imported imported = importer.importImage(ir);
        ImageRequest noEnv = new ImageRequest(r.name(), r.source(), r.rootfs(), r.driver(), r.cpus(), r.memoryMb(),
                r.maxProcesses(), r.cpuSeconds(), r.network(), null, r.user(), r.workdir(), r.timeoutSeconds(), r.roles(),
                r.setDefault());
        ImageView base = old.orElse(new ImageView(name, "oci", ir.source(), imported.rootfs(), null, null, null, null, null,
                null, true, imported.env(), null, null, null, List.of(), false, null, null, caller.email(), now()));
        ImageView image = apply(new ImageView(name, "oci", ir.source(), imported.rootfs(), null, null, base.cpus(),
                base.memoryMb(), base.maxProcesses(), base.cpuSeconds(), base.network(), imported.env(), base.user(),
                base.workdir(), base.timeoutSeconds(), base.roles(), base.isDefault(), null, null, base.createdBy(),
                base.createdAt()), noEnv);
        boolean inserted = db.write(h -> {
            boolean ok = old.isPresent() ? store.update(h, image) : store.insert(h, image);
            if (ok && Boolean.TRUE.equals(r.setDefault())) {
                store.setDefault(h, name);
            }
            return ok;
        });
        if (!inserted) {
            throw ErrandException.conflict("an image named '" + name + "' exists already");
        }
        audit(caller, old.isPresent() ? "image.reimport" : "image.register", name);
        return get(name);
    }

    /** Changes an image's defaults (null fields keep theirs). */
    public ImageView update(Principal caller, String name, ImageRequest r) {
        requireManager(caller);
        if (r.name() != null && !r.name().equals(name) || r.source() != null) {
            throw ErrandException.invalid("an image's name and source cannot change: register a new image");
        }
        ImageRules.defaults(r, maxTimeout);
        ImageView old = get(name);
        String rootfs = r.rootfs() != null && "rootfs".equals(old.source()) ? ImageRules.rootfs(r.rootfs()) : old.rootfs();
        ImageView changed = apply(new ImageView(old.name(), r.driver() == null ? old.driver() : driver(r.driver()),
                old.source(), rootfs, old.suite(), old.packages(), old.cpus(), old.memoryMb(), old.maxProcesses(),
                old.cpuSeconds(), old.network(), old.env(), old.user(), old.workdir(), old.timeoutSeconds(), old.roles(),
                old.isDefault(), old.buildState(), old.builtAt(), old.createdBy(), old.createdAt()), r);
        db.write(h -> {
            store.update(h, changed);
            if (Boolean.TRUE.equals(r.setDefault())) {
                store.setDefault(h, name);
            }
            return null;
        });
        audit(caller, "image.update", name);
        return get(name);
    }

    /** Makes {@code name} the default image. */
    public ImageView setDefault(Principal caller, String name) {
        requireManager(caller);
        ImageView image = get(name);
        if (image.buildState() != null && !image.buildState().equals("ready")) {
            throw ErrandException.conflict("image '" + name + "' is not ready (" + image.buildState() + ")");
        }
        db.write(h -> {
            store.setDefault(h, name);
            return null;
        });
        audit(caller, "image.set-default", name);
        return get(name);
    }

    /**
     * Removes an image; a built image's files go too.
     *
     * @throws ErrandException {@code conflict} for the built-in host image, the default, or one being built
     */
    public void remove(Principal caller, String name) {
        requireManager(caller);
        ImageView image = get(name);
        if (image.name().equals(ImageCatalog.HOST) && "built-in".equals(image.createdBy())) {
            throw ErrandException.conflict("'host' is built in and cannot be removed");
        }
        if (image.isDefault()) {
            throw ErrandException.conflict("'" + name + "' is the default image: make another image the default first"
                    + " (errand images set-default NAME)");
        }
        if ("building".equals(image.buildState())) {
            throw ErrandException.conflict("'" + name + "' is being built; remove it when the build ends");
        }
        db.write(h -> store.delete(h, name));
        if ("oci".equals(image.driver()) && OciImages.isOciSource(image.source()) && oci != null) {
            oci.forget(name);
        }
        if ("debian".equals(image.source())) {
            builder.removeFiles(name);
        }
        audit(caller, "image.remove", name);
    }

    /**
     * Builds (or reuses) a Debian image with mmdebstrap in the background.
     *
     * @return the image, {@code building} or, when an identical build is ready and no rebuild was asked, as it is
     * @throws ErrandException {@code conflict} when the name belongs to a non-Debian image or a build runs,
     *     {@code unavailable} when mmdebstrap is not installed
     */
    public ImageView build(Principal caller, String name, ImageBuildRequest r) {
        requireManager(caller);
        String suite = ImageRules.suite(r.suite());
        List<String> packages = ImageRules.packages(r.packages());
        ImageRules.name(name);
        builder.requireTool();
        ImageView existing = db.read(h -> store.find(h, name)).orElse(null);
        if (existing != null && !"debian".equals(existing.source())) {
            throw ErrandException.conflict("image '" + name + "' is a " + existing.source() + " image, not a built one");
        }
        if (existing != null && "building".equals(existing.buildState())) {
            throw ErrandException.conflict("image '" + name + "' is being built already");
        }
        if (existing != null && "ready".equals(existing.buildState()) && suite.equals(existing.suite())
                && packages.equals(existing.packages() == null ? List.of() : existing.packages())
                && !Boolean.TRUE.equals(r.rebuild())) {
            return existing;
        }
        ImageView building = existing != null
                ? withBuild(existing, suite, packages, "building", existing.builtAt())
                : new ImageView(name, defaultDriver, "debian", builder.rootfs(name).toString(), suite, packages, null, null,
                        null, null, true, ImageCatalogEnv.DEBIAN, null, null, null, List.of(), false, "building", null,
                        caller.email(), now());
        db.write(h -> existing == null ? store.insert(h, building) : store.update(h, building));
        audit(caller, "image.build", name);
        Thread.ofVirtual().name("image-build-" + name).start(() -> {
            String state = builder.build(name, suite, packages);
            db.write(h -> store.update(h, withBuild(get(name), suite, packages, state, now())));
        });
        return building;
    }

    private static ImageView withBuild(ImageView i, String suite, List<String> packages, String state, Instant builtAt) {
        return new ImageView(i.name(), i.driver(), i.source(), i.rootfs(), suite, packages, i.cpus(), i.memoryMb(),
                i.maxProcesses(), i.cpuSeconds(), i.network(), i.env(), i.user(), i.workdir(), i.timeoutSeconds(),
                i.roles(), i.isDefault(), state, builtAt, i.createdBy(), i.createdAt());
    }

    private static ImageView apply(ImageView i, ImageRequest r) {
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

    private String driver(String name) {
        String d = name == null ? defaultDriver : name;
        if (!drivers.contains(d)) {
            throw ErrandException.invalid("driver '" + d + "' is not enabled on this server: use one of " + drivers);
        }
        return d;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    private static void requireManager(Principal caller) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.OPERATOR) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                    + " cannot manage images: operators and admins can");
        }
    }

    /** The single place the audit chain hooks in. */
    private static void audit(Principal caller, String action, String name) {
        LOG.info("audit {} image={} by={} key={}", action, name, caller.email(), caller.keyId());
    }
}
