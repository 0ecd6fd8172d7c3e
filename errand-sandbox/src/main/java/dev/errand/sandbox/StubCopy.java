package dev.errand.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A launcher's own copy of {@link ErrandStub}, in an {@link InstanceDir} under a directory the
 * sandbox user can reach; {@link #close} removes it. Thread-safe (immutable).
 *
 * @param dir the instance directory
 * @param path the stub inside it
 */
record StubCopy(Path dir, Path path) implements AutoCloseable {
    /**
     * @param parent where to make the instance directory: searchable by the sandbox user, on a file
     *     system that allows executing programs
     * @return the installed copy
     * @throws IOException when it cannot be written, or the jar holds no stub
     */
    static StubCopy install(Path parent) throws IOException {
        Path dir = InstanceDir.create(parent, "errand-stub");
        try {
            return new StubCopy(dir, ErrandStub.install(dir));
        } catch (IOException | RuntimeException e) {
            FileTree.delete(dir);
            throw e;
        }
    }

    /** Removes the copy; a failure leaves it for the next launcher's sweep. */
    @Override
    public void close() {
        try {
            FileTree.delete(dir);
        } catch (IOException e) {
            // InstanceDir's sweep removes it once this process is gone
        }
    }
}
