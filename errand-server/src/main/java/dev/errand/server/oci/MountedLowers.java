package dev.errand.server.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The directories that overlayfs mounts on this host use as lower layers, read from
 * {@code /proc/self/mountinfo}: an unpacked image that is one of them belongs to a running
 * container, whichever server process started it. Stateless.
 */
final class MountedLowers {
    private MountedLowers() {}

    /** @return every lower directory of every overlay mount; empty when mountinfo cannot be read */
    static Set<Path> read() {
        Set<Path> out = new HashSet<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
                int dash = line.indexOf(" - ");
                String[] tail = dash < 0 ? new String[0] : line.substring(dash + 3).split(" ");
                if (tail.length < 3 || !tail[0].equals("overlay")) {
                    continue;
                }
                for (String option : tail[2].split(",")) {
                    if (option.startsWith("lowerdir=")) {
                        for (String lower : option.substring("lowerdir=".length()).split(":")) {
                            out.add(Path.of(lower.replace("\\040", " ")));
                        }
                    }
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }
}
