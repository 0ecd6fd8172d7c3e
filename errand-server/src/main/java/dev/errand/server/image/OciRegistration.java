package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.protocol.ImageRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import java.util.List;
import java.util.Optional;

/**
 * Registers images whose files come from an OCI source (driver {@code oci}): the OCI image store
 * imports them, the registry records them. Re-importing keeps the record's own defaults and takes
 * the image's new root, environment and source. Thread-safe.
 */
final class OciRegistration {
    private final ImageRecords records;
    private volatile OciImages oci;

    OciRegistration(ImageRecords records) {
        this.records = records;
    }

    /** @param oci the OCI image store, or null when the {@code oci} driver is not enabled */
    void store(OciImages oci) {
        this.oci = oci;
    }

    /** @return the OCI image store, or null when there is none */
    OciImages store() {
        return oci;
    }

    /**
     * @param ir what to import, under which name
     * @param r the registry defaults to record
     * @param replace true to re-import an OCI image of that name; false to refuse a taken name
     * @return the image as registered
     * @throws ErrandException {@code unavailable} without the oci driver, {@code invalid_request} for
     *     a wrong driver, a missing source or a name that is not an OCI image's, {@code conflict} for a taken name
     */
    ImageView register(Principal caller, ImageImportRequest ir, ImageRequest r, boolean replace) {
        String name = ir.name();
        OciImages importer = oci;
        if (importer == null || !records.enabled("oci")) {
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
        records.checkDefaults(r);
        Optional<ImageView> old = records.find(name);
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
                null, true, imported.env(), null, null, null, List.of(), false, null, null, caller.email(), records.now()));
        ImageView image = ImageRecords.apply(new ImageView(name, "oci", ir.source(), imported.rootfs(), null, null,
                base.cpus(), base.memoryMb(), base.maxProcesses(), base.cpuSeconds(), base.network(), imported.env(),
                base.user(), base.workdir(), base.timeoutSeconds(), base.roles(), base.isDefault(), null, null,
                base.createdBy(), base.createdAt()), noEnv);
        if (!records.save(image, old.isEmpty(), r.setDefault())) {
            throw ErrandException.conflict("an image named '" + name + "' exists already");
        }
        ImageRecords.audit(caller, old.isPresent() ? "image.reimport" : "image.register", name);
        return records.get(name);
    }
}
