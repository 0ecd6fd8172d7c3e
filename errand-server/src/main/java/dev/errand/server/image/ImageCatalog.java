package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The images executions can name: the built-in {@code host} image, run by the server's default
 * driver, and images registered by other features (the {@code oci} image store registers each
 * imported image). Thread-safe.
 */
public final class ImageCatalog {
    /** The built-in image: the host's /usr and /etc essentials, read-only. */
    public static final String HOST = "host";
    private final Image host;
    private final Map<String, Image> registered = new ConcurrentHashMap<>();

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
        Image image = registered.get(name);
        if (image == null) {
            TreeSet<String> known = new TreeSet<>(registered.keySet());
            known.add(HOST);
            throw ErrandException.invalid("unknown image '" + name + "': available images: " + String.join(", ", known));
        }
        return image;
    }

    /**
     * Adds an image, or replaces the one of the same name.
     *
     * @throws ErrandException {@code invalid_request} for the built-in name {@code host}
     */
    public void register(Image image) {
        if (image.name().equals(HOST)) {
            throw ErrandException.invalid("'" + HOST + "' is the built-in image; choose another name");
        }
        registered.put(image.name(), image);
    }
}
