package dev.errand.app;

import dev.errand.server.config.RunbookConfig;
import dev.errand.server.usage.CostRates;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code errand server} options of the runbook features: master key, images, output cap, cost rates. */
final class RunbookServerOptions {
    @Option(names = "--master-key-file", defaultValue = "${env:ERRAND_MASTER_KEY_FILE}", paramLabel = "FILE",
            description = "Tink keyset that encrypts secrets; created with mode 0600 if missing"
                    + " (default: <data-dir>/master-key.json; env ERRAND_MASTER_KEY_FILE).")
    Path masterKeyFile;

    @Option(names = "--image-dir", defaultValue = "${env:ERRAND_IMAGE_DIR}", paramLabel = "DIR",
            description = "Where 'errand images build' puts root filesystems (default: <data-dir>/images, or a"
                    + " private /var/tmp/errand-images-* for a root server with a private data dir).")
    Path imageDir;

    @Option(names = "--max-output", defaultValue = "67108864", paramLabel = "BYTES",
            description = "Most bytes of output stored per execution; the rest is cut with a marker (default: ${DEFAULT-VALUE}).")
    long maxOutput;

    @Option(names = "--cost-vcpu-hour", defaultValue = "0.04048", paramLabel = "USD",
            description = "Price of a vCPU-hour in cost estimates (default: AWS Fargate us-east-1, ${DEFAULT-VALUE}).")
    double vcpuHour;

    @Option(names = "--cost-gb-hour", defaultValue = "0.004445", paramLabel = "USD",
            description = "Price of a GB-hour of memory in cost estimates (default: AWS Fargate us-east-1, ${DEFAULT-VALUE}).")
    double gbHour;

    @Option(names = "--allow-file-git-urls", description = "Let git sources be file:// URLs, which read this server's disk.")
    boolean allowFileGitUrls;

    /** @return the runbook settings these options give */
    RunbookConfig config() {
        CostRates d = CostRates.FARGATE_US_EAST_1;
        return new RunbookConfig(masterKeyFile, new CostRates(vcpuHour, gbHour, d.defaultCpus(), d.defaultMemoryMb()),
                maxOutput, imageDir, allowFileGitUrls);
    }
}
