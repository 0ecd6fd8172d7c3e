package dev.errand.server.code;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Decides where each language runs: in its built image when {@code errand languages install}
 * made one ({@code IMAGES/ID/rootfs}), else on the host when every program its commands start
 * exists under the host's {@code /usr}, else nowhere (not installed). Answers are cached until
 * {@link #forget}. Thread-safe.
 */
final class Roots {
    private static final List<String> BIN_DIRS = List.of("usr/local/bin", "usr/bin", "usr/sbin", "usr/games");
    private final Path imagesDir;
    private final Path hostRoot;
    private final Optional<Path> hostImage;
    private final Map<String, Optional<Root>> known = new ConcurrentHashMap<>();

    /**
     * @param imagesDir the directory of language images
     * @param hostRoot the host's root, {@code /} except in tests
     * @param hostImage the host's root as an image directory (see {@link HostRoot}), or empty
     */
    Roots(Path imagesDir, Path hostRoot, Optional<Path> hostImage) {
        this.imagesDir = imagesDir;
        this.hostRoot = hostRoot;
        this.hostImage = hostImage;
    }

    /** @return where the language's image is (or would be) built */
    Path imageDir(Language l) {
        return imagesDir.resolve(l.id()).resolve("rootfs");
    }

    /** @return where {@code l} runs, or empty when it is not installed */
    Optional<Root> resolve(Language l) {
        return known.computeIfAbsent(l.id(), id -> find(l));
    }

    /** Drops the cached answer for {@code l} (after an image build). */
    void forget(Language l) {
        known.remove(l.id());
    }

    private Optional<Root> find(Language l) {
        Path image = imageDir(l);
        if (Files.isDirectory(image.resolve("usr")) && hasAll(image, l.programs(), true)) {
            return Optional.of(new Root("language:" + l.id(), Optional.of(image)));
        }
        if (hasAll(hostRoot, l.programs(), false)) {
            return Optional.of(new Root(Root.HOST, hostImage));
        }
        return Optional.empty();
    }

    /**
     * @return a string that changes when the toolchain of {@code l} on {@code root} changes: the
     *     size and modification time of each program it starts (or of the image)
     */
    String fingerprint(Language l, Root root) {
        StringBuilder b = new StringBuilder(root.name());
        try {
            if (!root.host()) {
                return b.append(':').append(Files.getLastModifiedTime(imageDir(l)).toMillis()).toString();
            }
            for (String program : l.programs()) {
                for (String d : BIN_DIRS) {
                    Path p = hostRoot.resolve(d).resolve(program);
                    if (Files.isExecutable(p)) {
                        Path real = p.toRealPath();
                        b.append(':').append(Files.size(real)).append('@').append(Files.getLastModifiedTime(real).toMillis());
                        break;
                    }
                }
            }
        } catch (java.io.IOException e) {
            b.append(":unknown");
        }
        return b.toString();
    }

    /** In an image, links are not followed: they may point into the image by absolute paths. */
    private static boolean hasAll(Path root, List<String> programs, boolean image) {
        return programs.stream().allMatch(p -> BIN_DIRS.stream().map(d -> root.resolve(d).resolve(p))
                .anyMatch(f -> image ? Files.exists(f, LinkOption.NOFOLLOW_LINKS) : Files.isExecutable(f)));
    }
}
