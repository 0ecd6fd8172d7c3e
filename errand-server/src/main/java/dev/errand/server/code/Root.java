package dev.errand.server.code;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a language runs.
 *
 * @param name {@code host} for the host's {@code /usr}, or {@code language:ID} for a built image
 * @param dir the image directory, empty for the host
 * @param gnuTime whether {@code /usr/bin/time} exists there, so CPU time and peak memory are measured
 */
record Root(String name, Optional<Path> dir, boolean gnuTime) {
    /** The name of the host root. */
    static final String HOST = "host";
}
