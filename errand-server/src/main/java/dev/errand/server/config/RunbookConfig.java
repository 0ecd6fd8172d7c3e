package dev.errand.server.config;

import dev.errand.server.usage.CostRates;
import java.nio.file.Path;

/**
 * Settings of the runbook features: secrets, images, limits and cost.
 *
 * @param masterKeyFile the Tink keyset that encrypts secrets, or null for {@code master-key.json}
 *     in the data directory (created with mode 0600 on first start)
 * @param rates the prices of the cost estimate
 * @param outputCapBytes the most bytes of output stored per execution unless its image or request says less
 * @param imageDir where built images go, or null for {@code images/} in the data directory
 * @param allowFileGitUrls whether git sources may be {@code file://} URLs, which read the server's own
 *     disk (off by default; tests and single-user setups turn it on)
 */
public record RunbookConfig(Path masterKeyFile, CostRates rates, long outputCapBytes, Path imageDir,
        boolean allowFileGitUrls) {
    /** @return the defaults: key in the data directory, Fargate rates, 64 MiB of output, no file:// git */
    public static RunbookConfig defaults() {
        return new RunbookConfig(null, CostRates.FARGATE_US_EAST_1, 64L * 1024 * 1024, null, false);
    }

    /** @return a copy that allows or refuses {@code file://} git sources */
    public RunbookConfig withFileGitUrls(boolean allow) {
        return new RunbookConfig(masterKeyFile, rates, outputCapBytes, imageDir, allow);
    }
}
