package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import java.util.Map;

/**
 * The images executions can name. Today it holds the built-in {@code host} image only, run by
 * the server's default driver. Thread-safe (immutable).
 */
public final class ImageCatalog {
    /** The built-in image: the host's /usr and /etc essentials, read-only. */
    public static final String HOST = "host";
    private final Image host;

    /** @param defaultDriver the driver that runs the {@code host} image */
    public ImageCatalog(String defaultDriver) {
        this.host = new Image(HOST, defaultDriver, Map.of(
                "PATH", "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
                "HOME", "/work",
                "LANG", "C.UTF-8",
                "TERM", "dumb"), true);
    }

    /**
     * @param name an image name, or null for the default image
     * @return the image
     * @throws ErrandException {@code invalid_request} naming the unknown image and the known ones
     */
    public Image resolve(String name) {
        if (name == null || name.isBlank() || name.equals(HOST)) {
            return host;
        }
        throw ErrandException.invalid("unknown image '" + name + "': available images: " + HOST);
    }
}
