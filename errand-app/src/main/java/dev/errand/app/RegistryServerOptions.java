package dev.errand.app;

import dev.errand.server.oci.RegistryConfig;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code errand server} options that say how {@code docker://} images are pulled: insecure registries, credentials. */
final class RegistryServerOptions {
    @Option(names = "--insecure-registry", defaultValue = "${env:ERRAND_INSECURE_REGISTRIES}", split = ",",
            paramLabel = "HOST[:PORT]",
            description = "Pull from this registry over plain HTTP or HTTPS without certificate checks; repeatable"
                    + " (HOST alone means every port). TLS is verified for every other registry"
                    + " (env ERRAND_INSECURE_REGISTRIES, comma-separated).")
    List<String> insecureRegistries;

    @Option(names = "--registry-auth-file", defaultValue = "${env:ERRAND_REGISTRY_AUTH_FILE}", paramLabel = "FILE",
            description = "containers-auth.json with credentials for private registries, as 'skopeo login --authfile"
                    + " FILE' writes it; keep it 0600 (default: skopeo's own places; env ERRAND_REGISTRY_AUTH_FILE).")
    Path authFile;

    /** @return the registry settings these options give */
    RegistryConfig config() {
        return new RegistryConfig(insecureRegistries == null ? List.of() : insecureRegistries, authFile);
    }
}
