package dev.errand.server.oci;

import dev.errand.protocol.ErrandException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The numeric user and group an image's {@code User} setting names, looked up in the image's own
 * {@code /etc/passwd} and {@code /etc/group} as Docker does: {@code ""} is root; {@code name} or
 * {@code uid} takes the primary group from passwd (0 when the uid has no entry); {@code
 * user:group} names both.
 *
 * @param uid the user id inside the container
 * @param gid the group id inside the container
 */
public record ImageUser(int uid, int gid) {
    /**
     * @param rootfs the unpacked image
     * @param spec the {@code User} setting
     * @param maxId ids must be below this (the size of the container's id mapping)
     * @return the ids
     * @throws ErrandException {@code invalid_request} naming a user or group the image lacks, or an
     *     id outside the mapping
     */
    static ImageUser resolve(Path rootfs, String spec, int maxId) {
        if (spec == null || spec.isBlank()) {
            return new ImageUser(0, 0);
        }
        String[] parts = spec.strip().split(":", 2);
        List<String[]> passwd = table(rootfs, "/etc/passwd");
        Optional<String[]> entry = passwd.stream()
                .filter(f -> f.length > 3 && f[2].matches("\\d{1,9}") && f[3].matches("\\d{1,9}"))
                .filter(f -> f[0].equals(parts[0]) || f[2].equals(parts[0])).findFirst();
        int uid = number(parts[0]).orElseGet(() -> entry.map(f -> Integer.parseInt(f[2])).orElseThrow(() ->
                ErrandException.invalid("the image's user '" + parts[0] + "' is not in its /etc/passwd")));
        int gid;
        if (parts.length == 2) {
            gid = number(parts[1]).orElseGet(() -> table(rootfs, "/etc/group").stream()
                    .filter(f -> f.length > 2 && f[0].equals(parts[1]) && f[2].matches("\\d{1,9}"))
                    .map(f -> Integer.parseInt(f[2])).findFirst()
                    .orElseThrow(() -> ErrandException.invalid("the image's group '" + parts[1]
                            + "' is not in its /etc/group")));
        } else {
            gid = entry.map(f -> Integer.parseInt(f[3])).orElse(0);
        }
        if (uid >= maxId || gid >= maxId) {
            throw ErrandException.invalid("the image's user " + uid + ":" + gid + " is outside the ids 0.." + (maxId - 1)
                    + " that containers have");
        }
        return new ImageUser(uid, gid);
    }

    private static Optional<Integer> number(String s) {
        try {
            return Optional.of(Integer.parseInt(s));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static List<String[]> table(Path rootfs, String file) {
        try {
            Optional<Path> p = RootfsPaths.resolve(rootfs, file).filter(Files::isRegularFile);
            return p.isEmpty() ? List.of()
                    : Files.readAllLines(p.get()).stream().map(l -> l.split(":", -1)).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }
}
