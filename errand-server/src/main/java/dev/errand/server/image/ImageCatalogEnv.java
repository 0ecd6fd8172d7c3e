package dev.errand.server.image;

import java.util.Map;

/** The default environment of images Errand makes (host, and built Debian images). */
final class ImageCatalogEnv {
    /** PATH, HOME in the work directory, a UTF-8 locale and a dumb terminal. */
    static final Map<String, String> DEBIAN = Map.of(
            "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
            "HOME", "/work",
            "LANG", "C.UTF-8",
            "TERM", "dumb");

    private ImageCatalogEnv() {}
}
