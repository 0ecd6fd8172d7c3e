package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of the host's root filesystem a bubblewrap sandbox sees: {@code /usr} read-only, the
 * top-level {@code /bin}, {@code /sbin}, {@code /lib*} as the same symlinks into {@code /usr} the
 * host has (or read-only binds where the host has no merged {@code /usr}), and a short allow-list
 * of {@code /etc} files. Everything else of the host ({@code /home}, {@code /root}, {@code /var},
 * {@code /run}, the rest of {@code /etc}) is absent. Stateless and thread-safe.
 */
final class RootLayout {
    /** The {@code /etc} entries a sandbox may read: name resolution, users, TLS, time, the dynamic linker. */
    static final List<String> ETC_ALLOW_LIST = List.of(
            "passwd", "group", "hosts", "resolv.conf", "nsswitch.conf", "host.conf", "gai.conf",
            "protocols", "services", "localtime", "timezone", "ld.so.cache", "ld.so.conf",
            "ld.so.conf.d", "alternatives", "ssl", "ca-certificates", "ca-certificates.conf",
            "pki", "crypto-policies", "os-release", "mime.types");

    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");

    private RootLayout() {}

    /**
     * @param hostRoot the host's root directory, {@code /} except in tests
     * @return bubblewrap arguments that build the sandbox's root filesystem from the host's
     * @throws IOException when the host's root cannot be inspected
     */
    static List<String> arguments(Path hostRoot) throws IOException {
        List<String> args = new ArrayList<>(List.of("--ro-bind", "/usr", "/usr"));
        for (String name : TOP_LEVEL) {
            Path host = hostRoot.resolve(name);
            if (Files.isSymbolicLink(host)) {
                args.addAll(List.of("--symlink", Files.readSymbolicLink(host).toString(), "/" + name));
            } else if (Files.isDirectory(host, LinkOption.NOFOLLOW_LINKS)) {
                args.addAll(List.of("--ro-bind", "/" + name, "/" + name));
            }
        }
        for (String name : etcEntries(hostRoot.resolve("etc"))) {
            args.addAll(List.of("--ro-bind-try", "/etc/" + name, "/etc/" + name));
        }
        return List.copyOf(args);
    }

    /** Top-level entries of a root filesystem image that the sandbox makes itself (or must not see). */
    private static final List<String> ROOTFS_SKIP = List.of("proc", "dev", "sys", "tmp", "run", "work", "boot", "lost+found");

    /**
     * @param rootfs a root filesystem directory, such as one built by mmdebstrap
     * @return bubblewrap arguments that make each of its top-level directories read-only at {@code /}
     *     (symlinks such as {@code /bin -> usr/bin} copied as symlinks); an unreadable directory yields none
     */
    static List<String> ofRootfs(Path rootfs) {
        List<String> args = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(rootfs)) {
            List<Path> sorted = new ArrayList<>();
            entries.forEach(sorted::add);
            sorted.sort(null);
            for (Path entry : sorted) {
                String name = entry.getFileName().toString();
                if (ROOTFS_SKIP.contains(name)) {
                    continue;
                }
                if (Files.isSymbolicLink(entry)) {
                    args.addAll(List.of("--symlink", Files.readSymbolicLink(entry).toString(), "/" + name));
                } else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    args.addAll(List.of("--ro-bind", entry.toString(), "/" + name));
                }
            }
        } catch (IOException e) {
            // The program will then fail to start with 127, saying what is missing.
        }
        return List.copyOf(args);
    }

    /** The allow-list plus the host's Java configuration directories ({@code /etc/java-17-openjdk}). */
    private static List<String> etcEntries(Path etc) throws IOException {
        List<String> names = new ArrayList<>(ETC_ALLOW_LIST);
        if (Files.isDirectory(etc)) {
            try (DirectoryStream<Path> java = Files.newDirectoryStream(etc, "java-*")) {
                for (Path dir : java) {
                    names.add(dir.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }
}
