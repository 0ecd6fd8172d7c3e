package dev.errand.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * {@code errand-stub}, Errand's one native program (source: {@code src/main/c/errand-stub.c},
 * built static by this module's build and carried in its jar). On the host it drops a root
 * server's privileges just before bubblewrap, as util-linux {@code setpriv} would at a fifth of
 * the CPU; inside a code sandbox it is the first program, which reads one request on stdin,
 * compiles and runs it under rlimits and reports on stdout (the protocol is in the source's
 * header comment). Stateless.
 */
public final class ErrandStub {
    /** Where the stub is inside every {@link StandbyLauncher} sandbox (bound read-only). */
    public static final String IN_SANDBOX = "/.errand/stub";
    /** The protocol version line a request starts with. */
    public static final String PROTOCOL = "errand-stub 1";
    private static final String RESOURCE = "errand-stub";

    private ErrandStub() {}

    /**
     * Copies the stub out of the jar into {@code dir}, as {@code dir/errand-stub} with mode 0755.
     *
     * @param dir a fresh, empty directory that only the server's user may write to and the sandbox
     *     user may search (an {@link InstanceDir}: no other process writes there)
     * @return the installed program's path
     * @throws IOException when the jar holds no stub (built without a C compiler) or the file
     *     cannot be written
     */
    static Path install(Path dir) throws IOException {
        Path target = dir.resolve(RESOURCE);
        try (InputStream in = ErrandStub.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("this build of Errand holds no errand-stub: rebuild it with a C compiler"
                        + " and a static C library (sudo apt-get install -y gcc libc6-dev)");
            }
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }
}
