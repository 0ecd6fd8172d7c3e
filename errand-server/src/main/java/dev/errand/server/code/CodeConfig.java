package dev.errand.server.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The code execution feature's settings.
 *
 * @param limits run limits, defaults and maxima
 * @param imagesDir where {@code errand languages install} builds language images (one directory
 *     per language); must be reachable by the sandbox user
 * @param maxConcurrent how many runs execute at once; more wait (queue) for a slot
 * @param poolSize warm sandboxes kept ready per language in use
 * @param prewarm languages whose pools fill at start and never shrink
 * @param poolIdle how long an unused language keeps its warm sandboxes
 * @param cacheBytes memory for compiled artefacts reused across identical runs (0 disables)
 * @param allowNetwork whether requests may ask for {@code network: true}
 * @param detectVersions whether to run each installed language's version command at start
 * @param suite the Debian suite language images are built from, such as {@code bookworm}
 * @param mirror the Debian mirror URL images are built from
 */
public record CodeConfig(CodeLimits limits, Path imagesDir, int maxConcurrent, int poolSize, List<String> prewarm,
        Duration poolIdle, long cacheBytes, boolean allowNetwork, boolean detectVersions, String suite,
        String mirror) {
    /** The languages kept warm from the start unless configured otherwise. */
    public static final List<String> DEFAULT_PREWARM = List.of("python", "javascript", "java", "c", "cpp", "bash");

    /** Copies the list. */
    public CodeConfig {
        prewarm = List.copyOf(prewarm);
        if (maxConcurrent < 1 || poolSize < 0) {
            throw new IllegalArgumentException("max concurrent runs must be at least 1 and pool size at least 0");
        }
    }

    /**
     * The defaults, overridden by {@code ERRAND_CODE_*} variables: {@code MAX_CONCURRENT},
     * {@code POOL_SIZE}, {@code PREWARM} (comma-separated ids), {@code ALLOW_NETWORK} (1/true),
     * {@code IMAGES_DIR}, {@code CACHE_MB}, {@code DETECT_VERSIONS}, {@code SUITE}, {@code MIRROR}.
     *
     * @param dataDir the server's data directory
     * @param env the process environment
     * @return the settings
     */
    public static CodeConfig fromEnvironment(Path dataDir, Map<String, String> env) {
        int cores = Runtime.getRuntime().availableProcessors();
        String prewarm = env.get("ERRAND_CODE_PREWARM");
        return new CodeConfig(CodeLimits.defaults(),
                Path.of(env.getOrDefault("ERRAND_CODE_IMAGES_DIR", defaultImagesDir(dataDir).toString())),
                Integer.parseInt(env.getOrDefault("ERRAND_CODE_MAX_CONCURRENT", Integer.toString(Math.max(4, 2 * cores)))),
                Integer.parseInt(env.getOrDefault("ERRAND_CODE_POOL_SIZE", "2")),
                prewarm == null ? DEFAULT_PREWARM : Arrays.stream(prewarm.split(",")).map(String::strip)
                        .filter(s -> !s.isEmpty()).toList(),
                Duration.ofMinutes(10),
                Long.parseLong(env.getOrDefault("ERRAND_CODE_CACHE_MB", "256")) << 20,
                truthy(env.get("ERRAND_CODE_ALLOW_NETWORK")),
                !"0".equals(env.getOrDefault("ERRAND_CODE_DETECT_VERSIONS", "1")),
                env.getOrDefault("ERRAND_CODE_SUITE", "bookworm"),
                env.getOrDefault("ERRAND_CODE_MIRROR", "http://deb.debian.org/debian"));
    }

    /** @return settings for tests: defaults without pre-warming or version detection */
    public static CodeConfig forTests(Path dataDir) {
        return fromEnvironment(dataDir, Map.of("ERRAND_CODE_PREWARM", "", "ERRAND_CODE_DETECT_VERSIONS", "0",
                "ERRAND_CODE_IMAGES_DIR", dataDir.resolve("languages").toString()));
    }

    /** @return a copy with other limits */
    public CodeConfig withLimits(CodeLimits l) {
        return new CodeConfig(l, imagesDir, maxConcurrent, poolSize, prewarm, poolIdle, cacheBytes, allowNetwork,
                detectVersions, suite, mirror);
    }

    /** @return a copy with network access allowed or not */
    public CodeConfig withNetwork(boolean allow) {
        return new CodeConfig(limits, imagesDir, maxConcurrent, poolSize, prewarm, poolIdle, cacheBytes, allow,
                detectVersions, suite, mirror);
    }

    /**
     * Language images hold only Debian packages, nothing secret, but the sandbox user must reach
     * them: a root server's data directory is private (0700), so they then live in
     * {@code /var/lib/errand-languages}.
     */
    private static Path defaultImagesDir(Path dataDir) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return root && Files.isDirectory(Path.of("/var/lib")) ? Path.of("/var/lib/errand-languages")
                : dataDir.resolve("languages");
    }

    private static boolean truthy(String v) {
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes"));
    }
}
