package dev.errand.server.image;

import dev.errand.protocol.ImageView;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Images in the store. Methods take the caller's {@link Handle}; services own transactions. */
public interface ImageStore {
    /** @return false when the name is taken */
    boolean insert(Handle h, ImageView image);

    /** Replaces every field of the row named {@code image.name()}; @return false when it does not exist */
    boolean update(Handle h, ImageView image);

    /** @return the image with this name */
    Optional<ImageView> find(Handle h, String name);

    /** @return the default image, if one is marked */
    Optional<ImageView> findDefault(Handle h);

    /** @return every image, by name */
    List<ImageView> list(Handle h);

    /** Marks {@code name} the only default. */
    void setDefault(Handle h, String name);

    /** @return false when it did not exist */
    boolean delete(Handle h, String name);
}
