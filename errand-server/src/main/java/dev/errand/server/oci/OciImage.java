package dev.errand.server.oci;

import dev.errand.sandbox.Limits;
import java.time.Instant;

/**
 * An imported OCI image, as the image store keeps it (one JSON file per image).
 *
 * @param name the name executions use
 * @param source where it was imported from, as given ({@link ImageSource})
 * @param digest the manifest digest, {@code sha256:} + 64 hex digits: the key of its unpacked root
 * @param config the effective run settings: the image's own with {@code overrides} applied
 * @param overrides what the image record overrides (null fields keep the image's)
 * @param user the numeric user and group {@code config.user()} names in this image
 * @param network whether its executions have the host's network unless a request says otherwise
 * @param limits resource limits of its executions
 * @param importedAt when it was imported
 */
public record OciImage(String name, String source, String digest, ImageConfig config, ImageConfig overrides,
        ImageUser user, boolean network, Limits limits, Instant importedAt) {

    /** @return where the work directory is mounted and commands start: the image's working dir, else {@code /work} */
    public String workMount() {
        String dir = config.workingDir();
        return dir == null || dir.isBlank() || dir.equals("/") ? "/work" : dir;
    }
}
