package dev.errand.server.image;

import dev.errand.protocol.ImageImportRequest;
import java.util.Map;

/**
 * What the images registry needs from the OCI image store (the {@code oci} feature implements
 * it): importing an image named by an OCI source into the digest-keyed cache of unpacked roots,
 * and forgetting it again. Implementations are thread-safe.
 */
public interface OciImages {
    /**
     * @param source an image source as given to {@code images register --source}
     * @return true when it names an OCI transport ({@code oci-archive:}, {@code oci:},
     *     {@code docker-archive:}, {@code docker://})
     */
    static boolean isOciSource(String source) {
        return source != null && (source.startsWith("oci-archive:") || source.startsWith("oci:")
                || source.startsWith("docker-archive:") || source.startsWith("docker://"));
    }

    /**
     * Imports (or re-imports) an image under a name.
     *
     * @return what the registry records about it
     * @throws dev.errand.protocol.ErrandException {@code invalid_request} for a bad source or an
     *     image that cannot be imported, {@code unavailable} when the tools are missing
     */
    Imported importImage(ImageImportRequest request);

    /** Drops the OCI record of a removed registry image (its unpacked root goes at the next prune). */
    void forget(String name);

    /**
     * @param digest the manifest digest
     * @param rootfs its unpacked root filesystem on this host
     * @param env its effective environment (a default PATH, the image's, then the record's)
     * @param workdir where its commands start
     */
    record Imported(String digest, String rootfs, Map<String, String> env, String workdir) {}
}
