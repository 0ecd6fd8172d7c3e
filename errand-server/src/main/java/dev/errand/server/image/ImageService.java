package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ImageBuildRequest;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.protocol.ImageRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import dev.errand.server.store.Database;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Registers, changes, lists, removes and builds images, and picks the default. Every role may list
 * and show images; operators and admins manage them. Exactly one image is the default at any time:
 * the default cannot be removed until another is made default. Images from OCI sources are
 * registered by {@link OciRegistration}, Debian images built by {@link DebianBuilds}. Thread-safe.
 */
public final class ImageService {
    private final ImageRecords records;
    private final OciRegistration oci;
    private final DebianBuilds builds;

    /**
     * @param drivers the names of the enabled drivers
     * @param defaultDriver the driver images get when the request names none
     * @param builder builds Debian images
     * @param maxTimeout the largest timeout an image may default to, in seconds
     */
    public ImageService(Database db, ImageStore store, Set<String> drivers, String defaultDriver, ImageBuilder builder,
            int maxTimeout, Clock clock) {
        this.records = new ImageRecords(db, store, drivers, defaultDriver, maxTimeout, clock);
        this.oci = new OciRegistration(records);
        this.builds = new DebianBuilds(records, builder);
    }

    /**
     * Lets images be registered from OCI sources ({@code --driver oci --source docker://...}).
     *
     * @param oci the OCI image store, or null when the {@code oci} driver is not enabled
     */
    public void ociImages(OciImages oci) {
        this.oci.store(oci);
    }

    /** @return every image, by name */
    public List<ImageView> list() {
        return records.list();
    }

    /** @throws ErrandException {@code not_found} */
    public ImageView get(String name) {
        return records.get(name);
    }

    /**
     * Registers a {@code rootfs} (or a second {@code host}) image, or one from an OCI source.
     *
     * @throws ErrandException {@code forbidden}, {@code invalid_request}, {@code conflict} for a taken name
     */
    public ImageView register(Principal caller, ImageRequest r) {
        ImageRecords.requireManager(caller);
        String name = ImageRules.name(r.name());
        if (OciImages.isOciSource(r.source()) || "oci".equals(r.driver())) {
            return oci.register(caller, new ImageImportRequest(name, r.source(), null, null, null, r.env(), r.workdir(),
                    r.user(), r.network(), null, null), r, false);
        }
        String source = r.source() == null ? (r.rootfs() == null ? "host" : "rootfs") : r.source();
        if (!source.equals("host") && !source.equals("rootfs")) {
            throw ErrandException.invalid("source must be 'host', 'rootfs' or an OCI image (oci-archive:PATH,"
                    + " oci:DIR[:TAG], docker-archive:PATH, docker://REF); Debian images are made with"
                    + " 'errand images build " + name + " --suite bookworm'");
        }
        String rootfs = source.equals("rootfs") ? ImageRules.rootfs(r.rootfs()) : null;
        records.checkDefaults(r);
        ImageView image = ImageRecords.apply(new ImageView(name, records.driver(r.driver()), source, rootfs, null, null,
                null, null, null, null, true, null, null, null, null, List.of(), false, null, null, caller.email(),
                records.now()), r);
        if (!records.save(image, true, r.setDefault())) {
            throw ErrandException.conflict("an image named '" + name + "' exists already");
        }
        ImageRecords.audit(caller, "image.register", name);
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
        ImageRecords.requireManager(caller);
        Integer memoryMb = ir.memoryBytes() == null ? null : (int) Math.max(1, (ir.memoryBytes() + (1 << 20) - 1) >> 20);
        ImageRequest r = new ImageRequest(ImageRules.name(ir.name()), ir.source(), null, "oci", null, memoryMb,
                ir.maxProcesses(), null, ir.network(), null, null, null, null, null, null);
        return oci.register(caller, ir, r, true);
    }

    /** Changes an image's defaults (null fields keep theirs). */
    public ImageView update(Principal caller, String name, ImageRequest r) {
        ImageRecords.requireManager(caller);
        if (r.name() != null && !r.name().equals(name) || r.source() != null) {
            throw ErrandException.invalid("an image's name and source cannot change: register a new image");
        }
        records.checkDefaults(r);
        ImageView old = get(name);
        String rootfs = r.rootfs() != null && "rootfs".equals(old.source()) ? ImageRules.rootfs(r.rootfs()) : old.rootfs();
        ImageView changed = ImageRecords.apply(new ImageView(old.name(),
                r.driver() == null ? old.driver() : records.driver(r.driver()), old.source(), rootfs, old.suite(),
                old.packages(), old.cpus(), old.memoryMb(), old.maxProcesses(), old.cpuSeconds(), old.network(), old.env(),
                old.user(), old.workdir(), old.timeoutSeconds(), old.roles(), old.isDefault(), old.buildState(),
                old.builtAt(), old.createdBy(), old.createdAt()), r);
        records.save(changed, false, r.setDefault());
        ImageRecords.audit(caller, "image.update", name);
        return get(name);
    }

    /** Makes {@code name} the default image. */
    public ImageView setDefault(Principal caller, String name) {
        ImageRecords.requireManager(caller);
        ImageView image = get(name);
        if (image.buildState() != null && !image.buildState().equals("ready")) {
            throw ErrandException.conflict("image '" + name + "' is not ready (" + image.buildState() + ")");
        }
        records.makeDefault(name);
        ImageRecords.audit(caller, "image.set-default", name);
        return get(name);
    }

    /**
     * Removes an image; a built image's files go too.
     *
     * @throws ErrandException {@code conflict} for the built-in host image, the default, or one being built
     */
    public void remove(Principal caller, String name) {
        ImageRecords.requireManager(caller);
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
        records.delete(name);
        OciImages store = oci.store();
        if ("oci".equals(image.driver()) && OciImages.isOciSource(image.source()) && store != null) {
            store.forget(name);
        }
        if ("debian".equals(image.source())) {
            builds.removeFiles(name);
        }
        ImageRecords.audit(caller, "image.remove", name);
    }

    /**
     * Builds (or reuses) a Debian image with mmdebstrap in the background.
     *
     * @return the image, {@code building} or, when an identical build is ready and no rebuild was asked, as it is
     * @throws ErrandException {@code conflict} when the name belongs to a non-Debian image or a build runs,
     *     {@code unavailable} when mmdebstrap is not installed
     */
    public ImageView build(Principal caller, String name, ImageBuildRequest r) {
        ImageRecords.requireManager(caller);
        return builds.build(caller, name, r);
    }
}
