package dev.errand.server.driver.oci;

import dev.errand.server.oci.ImageConfig;
import java.nio.file.Path;

/**
 * Everything the {@code oci} driver needs to know about an image to run a container from it.
 *
 * @param name the image name
 * @param digest its manifest digest
 * @param rootfs its unpacked root filesystem on this host (never written to)
 * @param config its effective run settings (the image's, with the record's overrides)
 * @param uid the numeric user {@code config.user()} names in the image
 * @param gid its numeric group
 * @param workMount where the execution's work directory is mounted and commands start
 */
public record ContainerImage(String name, String digest, Path rootfs, ImageConfig config, int uid, int gid,
        String workMount) {}
