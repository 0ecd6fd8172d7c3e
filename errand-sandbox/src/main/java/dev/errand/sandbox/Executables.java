package dev.errand.sandbox;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the host programs the launchers run (bwrap, setsid, setpriv, prlimit, kill). Looks in the
 * JVM's {@code PATH} first, then in the standard system directories, so a server started with an
 * empty or odd {@code PATH} still finds them. Stateless and thread-safe.
 */
public final class Executables {
    private static final List<String> SYSTEM_DIRS = List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin");

    private Executables() {}

    /**
     * @param name a bare program name such as {@code bwrap}
     * @return the absolute path of the first regular, executable file of that name, or empty
     */
    public static Optional<Path> find(String name) {
        List<String> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            dirs.addAll(List.of(path.split(File.pathSeparator)));
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty() || !dir.startsWith("/")) {
                continue; // a relative PATH entry would depend on the server's working directory
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a bare program name
     * @param packageHint the package that provides it, for the error message
     * @return its absolute path
     * @throws IOException naming the package to install when the program is missing
     */
    public static Path require(String name, String packageHint) throws IOException {
        return find(name).orElseThrow(() -> new IOException(
                name + " is not installed: run 'sudo apt-get install -y " + packageHint
                        + "' (Debian/Ubuntu) or 'sudo dnf install -y " + packageHint + "'"));
    }
}
