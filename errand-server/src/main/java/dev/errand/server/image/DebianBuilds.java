package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ImageBuildRequest;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import java.time.Instant;
import java.util.List;

/**
 * Builds Debian images: records the build ({@code building}), runs {@link ImageBuilder} on a virtual
 * thread, and records its end ({@code ready} or {@code failed: ...}). An identical ready build is
 * reused unless a rebuild is asked for. Thread-safe.
 */
final class DebianBuilds {
    private final ImageRecords records;
    private final ImageBuilder builder;

    DebianBuilds(ImageRecords records, ImageBuilder builder) {
        this.records = records;
        this.builder = builder;
    }

    /**
     * @return the image, {@code building} or, when an identical build is ready and no rebuild was asked, as it is
     * @throws ErrandException {@code conflict} when the name belongs to a non-Debian image or a build runs,
     *     {@code unavailable} when mmdebstrap is not installed
     */
    ImageView build(Principal caller, String name, ImageBuildRequest r) {
        String suite = ImageRules.suite(r.suite());
        List<String> packages = ImageRules.packages(r.packages());
        ImageRules.name(name);
        builder.requireTool();
        ImageView existing = records.find(name).orElse(null);
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
                : new ImageView(name, records.defaultDriver(), "debian", builder.rootfs(name).toString(), suite, packages,
                        null, null, null, null, true, ImageCatalogEnv.DEBIAN, null, null, null, List.of(), false,
                        "building", null, caller.email(), records.now());
        records.save(building, existing == null, false);
        ImageRecords.audit(caller, "image.build", name);
        Thread.ofVirtual().name("image-build-" + name).start(() -> {
            String state = builder.build(name, suite, packages);
            records.save(withBuild(records.get(name), suite, packages, state, records.now()), false, false);
        });
        return building;
    }

    /** Deletes a built image's files. */
    void removeFiles(String name) {
        builder.removeFiles(name);
    }

    private static ImageView withBuild(ImageView i, String suite, List<String> packages, String state, Instant builtAt) {
        return new ImageView(i.name(), i.driver(), i.source(), i.rootfs(), suite, packages, i.cpus(), i.memoryMb(),
                i.maxProcesses(), i.cpuSeconds(), i.network(), i.env(), i.user(), i.workdir(), i.timeoutSeconds(),
                i.roles(), i.isDefault(), state, builtAt, i.createdBy(), i.createdAt());
    }
}
