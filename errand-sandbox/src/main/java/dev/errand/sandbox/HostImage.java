package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The host's own root as an image directory for {@link StandbySpec#imageRoot()}: {@code usr} and
 * the top-level {@code bin}/{@code lib*}/{@code sbin} as links to the host's, and {@code etc} a
 * copy of the {@link RootLayout} allow-list. A sandbox on it sees what a {@link BubblewrapLauncher}
 * sandbox sees, but bubblewrap makes two bind mounts instead of about twenty (each bind makes it
 * re-read the mount table), which saves milliseconds of CPU per sandbox. The copy is taken when
 * {@link #prepare} runs: restart the server after changing the host's {@code /etc}. Stateless.
 */
public final class HostImage {
    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private HostImage() {}

    /**
     * (Re)builds the image directory {@code dir}, replacing what was there.
     *
     * @param dir where to build it; its parent must exist and be reachable by the sandbox user
     * @return {@code dir}, or empty when the host has no merged {@code /usr} (a top-level
     *     directory that is not a link), where sandboxes must use the host layout directly
     * @throws IOException when the directory cannot be written
     */
    public static Optional<Path> prepare(Path dir) throws IOException {
        Path root = Path.of("/");
        for (String name : TOP_LEVEL) {
            Path p = root.resolve(name);
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(p)) {
                return Optional.empty();
            }
        }
        Path fresh = dir.resolveSibling(dir.getFileName() + ".new");
        FileTree.delete(fresh);
        Files.createDirectories(fresh.resolve("etc"));
        Files.createSymbolicLink(fresh.resolve("usr"), Path.of("/usr"));
        for (String name : TOP_LEVEL) {
            Path p = root.resolve(name);
            if (Files.isSymbolicLink(p)) {
                Files.createSymbolicLink(fresh.resolve(name), Files.readSymbolicLink(p));
            }
        }
        List<String> etc = new ArrayList<>(RootLayout.ETC_ALLOW_LIST);
        try (var java = Files.newDirectoryStream(root.resolve("etc"), "java-*")) {
            java.forEach(p -> etc.add(p.getFileName().toString()));
        }
        for (String name : etc) {
            Path source = root.resolve("etc").resolve(name);
            if (Files.exists(source)) {
                // a link into /usr stays a link (it resolves inside the sandbox too); any other
                // link (resolv.conf into /run) is copied as what it points to, as a bind would
                Path real = source.toRealPath();
                copy(real.startsWith("/usr") ? source : real, fresh.resolve("etc").resolve(name));
            }
        }
        for (Path p : List.of(fresh, fresh.resolve("etc"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        FileTree.delete(dir);
        Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(dir);
    }

    /** Copies a file, link or tree, keeping links as links and making everything world-readable. */
    private static void copy(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes a) throws IOException {
                Path t = target.resolve(source.relativize(d).toString());
                Files.createDirectories(t);
                Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rwxr-xr-x"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                Path t = target.resolve(source.relativize(f).toString());
                if (a.isSymbolicLink()) {
                    Files.createSymbolicLink(t, Files.readSymbolicLink(f));
                } else if (a.isRegularFile()) {
                    Files.copy(f, t, LinkOption.NOFOLLOW_LINKS);
                    Files.setPosixFilePermissions(t, PosixFilePermissions.fromString("rw-r--r--"));
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
