package dev.errand.server.driver.oci;

import dev.errand.server.oci.OciImageStore;
import java.util.Optional;

/**
 * The OCI image store as the {@code oci} driver sees it. When the images registry replaces the
 * store, an adapter like this one is all the driver needs. Thread-safe.
 */
public final class StoreImages implements ContainerImages {
    private final OciImageStore store;

    /** @param store the store images are imported into */
    public StoreImages(OciImageStore store) {
        this.store = store;
    }

    @Override
    public Optional<ContainerImage> find(String name) {
        return store.find(name).map(i -> new ContainerImage(i.name(), i.digest(), store.rootfs(i.digest()), i.config(),
                i.user().uid(), i.user().gid(), i.workMount()));
    }

    @Override
    public Optional<String> importProblem() {
        return Optional.ofNullable(store.missingTools());
    }
}
