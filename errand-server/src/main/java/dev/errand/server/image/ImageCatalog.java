package dev.errand.server.image;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ImageView;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The images executions can name, kept in the store. The built-in {@code host} image (the host's
 * /usr and /etc essentials, read-only, run by the server's default driver) is registered on first
 * start and is the default until another image is made the default. Thread-safe.
 */
public final class ImageCatalog {
    /** The built-in image: the host's /usr and /etc essentials, read-only. */
    public static final String HOST = "host";
    private final Database db;
    private final ImageStore store;

    /**
     * Opens the catalogue and registers {@code host} if it is missing.
     *
     * @param db the store
     * @param store the image SQL
     * @param defaultDriver the driver that runs {@code host}
     */
    public ImageCatalog(Database db, ImageStore store, String defaultDriver) {
        this.db = db;
        this.store = store;
        ImageView host = new ImageView(HOST, defaultDriver, "host", null, null, null, null, null, null, null, true, ImageCatalogEnv.DEBIAN, null, null, null, List.of(), false, null, null, "built-in", Instant.EPOCH);
        db.write(h -> {
            if (store.insert(h, host) && store.findDefault(h).isEmpty()) {
                store.setDefault(h, HOST);
            }
            return null;
        });
    }

    /**
     * @param name an image name, or null for the default image
     * @return the image
     * @throws ErrandException {@code invalid_request} naming the unknown image and the known ones
     */
    public Image resolve(String name) {
        boolean none = name == null || name.isBlank();
        return db.read(h -> none ? store.findDefault(h) : store.find(h, name)).map(Image::new).orElseThrow(() ->
                ErrandException.invalid((none ? "there is no default image" : "unknown image '" + name + "'")
                        + ": available images: " + names()));
    }

    /**
     * Resolves an image the caller wants to run in.
     *
     * @throws ErrandException {@code invalid_request} for an unknown image or one not built yet,
     *     {@code forbidden} when the caller's role may not use it
     */
    public Image resolve(Principal caller, String name) {
        Image image = resolve(name);
        List<String> roles = image.view().roles();
        boolean privileged = caller.role() == Role.ADMIN || caller.role() == Role.OPERATOR;
        if (!privileged && !roles.isEmpty() && !roles.contains(caller.role().wireName())) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName()
                    + " may not use image '" + image.name() + "'");
        }
        if (image.unusable()) {
            throw ErrandException.invalid("image '" + image.name() + "' is not ready (" + image.view().buildState() + ")");
        }
        return image;
    }

    private String names() {
        return db.read(h -> store.list(h)).stream().map(ImageView::name).collect(Collectors.joining(", "));
    }
}
