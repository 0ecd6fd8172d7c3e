package dev.errand.server.driver.oci;

import java.util.Optional;

/**
 * Where the {@code oci} driver looks images up: the one point where it meets the image registry.
 * Implementations are thread-safe.
 */
@FunctionalInterface
public interface ContainerImages {
    /**
     * @param name an image name from an execution
     * @return the image, or empty when no OCI image has that name
     */
    Optional<ContainerImage> find(String name);

    /** @return why images cannot be imported here (such as a missing umoci), for the driver's health; empty when they can */
    default Optional<String> importProblem() {
        return Optional.empty();
    }
}
