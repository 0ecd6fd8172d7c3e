package dev.errand.server.oci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ErrandException;
import dev.errand.sandbox.runc.IdMapping;
import dev.errand.server.driver.WorkDirs;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * One import, start to end: skopeo copies the source into a fresh layout in a private temporary
 * directory; the manifest and config digests are checked (and against the pinned digest); umoci
 * unpacks the layers into the same temporary directory unless that digest is already cached;
 * the image's user and entrypoint are checked against the unpacked files; only then is the root
 * filesystem renamed into the cache, atomically. A failure at any step leaves the cache as it was.
 * Not thread-safe; one instance per import.
 */
final class ImageImport {
    private static final String TAG = "image";
    private final ImageTools tools;
    private final IdMapping ids;
    private final Path cache;
    private final Path tmp;

    /**
     * @param cache the directory of unpacked roots, {@code sha256-<hex>} each
     * @param tmp a fresh private temporary directory, deleted by the caller
     */
    ImageImport(ImageTools tools, IdMapping ids, Path cache, Path tmp) {
        this.tools = tools;
        this.ids = ids;
        this.cache = cache;
        this.tmp = tmp;
    }

    /**
     * @return the imported image; its root filesystem is in the cache
     * @throws ErrandException {@code invalid_request} with the reason: unreadable source,
     *     digest mismatch, wrong platform, corrupt layer, unknown user, missing entrypoint
     */
    OciImage run(ImportSpec spec) throws IOException {
        ImageSource source = spec.source();
        if (source.local() && !Files.exists(Path.of(source.location()))) {
            throw ErrandException.invalid("cannot import " + source + ": " + source.location()
                    + " does not exist on the server");
        }
        OciLayout layout = new OciLayout(tmp.resolve("layout"));
        tools.copy(source, layout.dir(), TAG, tmp);
        String digest = layout.manifestDigest(TAG);
        if (spec.expectedDigest() != null && !spec.expectedDigest().equals(digest)) {
            throw ErrandException.invalid("digest mismatch: " + source + " has manifest " + digest + ", expected "
                    + spec.expectedDigest());
        }
        JsonNode blob = layout.config(digest);
        checkPlatform(blob);
        ImageConfig config = ImageConfig.fromBlob(blob).overriddenBy(spec.overrides());
        Path cached = cache.resolve(dirName(digest));
        Path root = cached;
        if (!Files.isDirectory(cached)) {
            tools.unpack(layout.dir(), TAG, tmp.resolve("bundle"), ids.umociArgument());
            root = tmp.resolve("bundle").resolve("rootfs");
        }
        ImageUser user = ImageUser.resolve(root, config.user(), ids.size());
        checkEntrypoint(root, config);
        if (!root.equals(cached)) {
            publish(root, cached);
        }
        return new OciImage(spec.name(), source.toString(), digest, config, spec.overrides(), user, spec.network(),
                spec.limits(), Instant.now());
    }

    /** @return the cache directory name of a digest */
    static String dirName(String digest) {
        return digest.replace(':', '-');
    }

    private static void checkPlatform(JsonNode blob) {
        String os = blob.path("os").asText("linux");
        String arch = blob.path("architecture").asText("");
        String host = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
        if (!os.equals("linux") || !arch.isEmpty() && !arch.equals(host)) {
            throw ErrandException.invalid("the image is for " + os + "/" + arch + "; this server runs linux/" + host);
        }
    }

    private static void checkEntrypoint(Path root, ImageConfig config) {
        if (config.defaultProcess().isEmpty()) {
            return; // runs commands only, through the image's /bin/sh
        }
        String program = config.defaultProcess().getFirst();
        String cwd = config.workingDir().isBlank() ? "/" : config.workingDir();
        if (RootfsPaths.program(root, program, cwd, config.envMap().get("PATH")).isEmpty()) {
            throw ErrandException.invalid("the image's entrypoint '" + program + "' does not exist in the image or is"
                    + " not executable; fix the image or override its entrypoint");
        }
    }

    /** Moves the unpacked root into the cache in one rename; an identical root already there wins. */
    private static void publish(Path root, Path cached) throws IOException {
        try {
            Files.move(root, cached, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            WorkDirs.remove(root); // a concurrent import of the same digest finished first
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the image cache " + cached.getParent() + " must be on the same file system as "
                    + root.getParent(), e);
        }
    }
}
