package dev.errand.server.code;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a language runs.
 *
 * @param name {@code host} for the host's {@code /usr}, or {@code language:ID} for a built image
 * @param dir the image directory (for the host, its {@code HostImage} copy), or empty for the host layout
 */
record Root(String name, Optional<Path> dir) {
    /** The name of the host root. */
    static final String HOST = "host";

    /** @return true for the host's own toolchains */
    boolean host() {
        return name.equals(HOST);
    }
}
