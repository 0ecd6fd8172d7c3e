package dev.errand.server.image;

import dev.errand.protocol.ImageView;
import java.nio.file.Path;
import java.util.Map;

/**
 * A registered image: its stored fields are exactly its API view, so this wraps one and adds what
 * the execution feature needs in server terms.
 *
 * @param view the image's fields
 */
public record Image(ImageView view) {
    /** @return the name executions use */
    public String name() {
        return view.name();
    }

    /** @return the driver that runs it */
    public String driver() {
        return view.driver();
    }

    /** @return the default environment of its executions (theirs wins) */
    public Map<String, String> env() {
        return view.env() == null ? Map.of() : view.env();
    }

    /** @return whether executions have network access unless they say otherwise */
    public boolean network() {
        return view.network();
    }

    /** @return the root filesystem directory, or null for the host's */
    public Path rootfs() {
        return view.rootfs() == null ? null : Path.of(view.rootfs());
    }

    /** @return the user id inside the sandbox, or null for the default */
    public Integer uid() {
        if (view.user() == null) {
            return null;
        }
        return view.user().equals("root") ? 0 : Integer.valueOf(view.user());
    }

    /** @return true when a build is in progress or failed, so executions cannot use it */
    public boolean unusable() {
        return view.buildState() != null && !view.buildState().equals("ready");
    }
}
