package dev.errand.server.image;

import dev.errand.sandbox.Limits;
import java.util.Map;

/**
 * A registered image.
 *
 * @param name the image name executions refer to, such as {@code host}
 * @param driver the driver that runs it
 * @param env default environment of every execution in it (the request's env overrides it)
 * @param network whether executions have network access unless the request says otherwise
 * @param limits resource limits of every execution in it ({@link Limits#NONE} for none)
 */
public record Image(String name, String driver, Map<String, String> env, boolean network, Limits limits) {
    /** Copies the env. */
    public Image {
        env = Map.copyOf(env);
    }

    /** An image without limits. */
    public Image(String name, String driver, Map<String, String> env, boolean network) {
        this(name, driver, env, network, Limits.NONE);
    }
}
