package dev.errand.server;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.HealthView;
import dev.errand.sandbox.Availability;
import dev.errand.sandbox.BubblewrapLauncher;
import dev.errand.sandbox.ProcessLauncher;
import dev.errand.sandbox.runc.IdMapping;
import dev.errand.sandbox.runc.RuncLauncher;
import dev.errand.server.config.ServerConfig;
import dev.errand.server.driver.Drivers;
import dev.errand.server.driver.ExecutionDriver;
import dev.errand.server.driver.SandboxDriver;
import dev.errand.server.driver.WorkRoot;
import dev.errand.server.driver.oci.OciDriver;
import dev.errand.server.driver.oci.StoreImages;
import dev.errand.server.oci.OciImageService;
import dev.errand.server.oci.OciImageStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drivers one server runs, built from its configuration: the primary driver the
 * configuration names ({@code local}, a bubblewrap sandbox, or {@code process}, none) and the
 * {@code oci} driver when runc works on this host.
 *
 * @param drivers every driver, by name, plus a health entry for {@code oci} when it is missing
 * @param primary the configured driver, which images default to
 * @param oci the OCI driver, or {@code null} when runc is unavailable
 * @param ociService the OCI image service, present either way: pulls and imports work before a
 *     runtime is installed; runs need {@code oci}
 */
record DriverSetup(Drivers drivers, ExecutionDriver primary, OciDriver oci, OciImageService ociService) {
    private static final Logger LOG = LoggerFactory.getLogger(DriverSetup.class);

    /**
     * Builds the drivers.
     *
     * @param config the server configuration (driver name, {@code --insecure}, work directory,
     *     registries)
     * @param dataDir the server's data directory; work and image directories go beneath it
     *     unless configured elsewhere
     * @return the drivers
     * @throws ErrandException {@code unavailable} when bubblewrap cannot sandbox here (the message
     *     says how to fix it); {@code invalid_request} for an unknown driver or {@code process}
     *     without {@code --insecure}
     * @throws IOException when a work or image directory cannot be created
     */
    static DriverSetup create(ServerConfig config, Path dataDir) throws IOException {
        ExecutionDriver primary = primary(config, WorkRoot.choose(dataDir, config.workDir()));
        OciImageStore ociImages = new OciImageStore(dataDir.resolve("oci-images"), IdMapping.DEFAULT,
                config.registries());
        Path ociRoot = WorkRoot.choose(dataDir, null, "oci");
        RuncLauncher runc = new RuncLauncher(ociRoot.resolve("containers"), IdMapping.DEFAULT);
        Availability ociAvailability = runc.availability();
        OciDriver oci = ociAvailability.available()
                ? new OciDriver(runc, new StoreImages(ociImages), ociRoot.resolve("work")) : null;
        if (oci != null) {
            return new DriverSetup(new Drivers(List.of(primary, oci)), primary, oci,
                    new OciImageService(ociImages, oci::digestsInUse, null));
        }
        LOG.info("driver oci is not available: {}", ociAvailability.detail());
        return new DriverSetup(new Drivers(List.of(primary), List.of(new HealthView.Component(OciDriver.NAME, false,
                ociAvailability.detail()))), primary, null,
                new OciImageService(ociImages, Set::of, ociAvailability.detail()));
    }

    private static ExecutionDriver primary(ServerConfig config, Path workRoot) {
        return switch (config.driver()) {
            case "local" -> {
                BubblewrapLauncher bwrap = new BubblewrapLauncher();
                var availability = bwrap.availability();
                if (!availability.available()) {
                    throw new ErrandException(ErrorCode.UNAVAILABLE, availability.detail()
                            + ". Errand will not run commands unsandboxed unless started with"
                            + " '--driver process --insecure'.");
                }
                yield new SandboxDriver("local", bwrap, workRoot, false);
            }
            case "process" -> {
                if (!config.insecure()) {
                    throw ErrandException.invalid("the process driver runs commands with NO isolation, as the"
                            + " server's user; add --insecure to confirm you want that");
                }
                LOG.warn("driver 'process' (--insecure): commands run WITHOUT a sandbox");
                yield new SandboxDriver("process", new ProcessLauncher(), workRoot, true);
            }
            default -> throw ErrandException.invalid("unknown driver '" + config.driver() + "': use local or process");
        };
    }
}
