package dev.errand.server.oci;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.ImageImportRequest;
import dev.errand.sandbox.Limits;
import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import dev.errand.server.image.ImageCatalog;
import dev.errand.server.image.OciImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The OCI image feature's entry point: import and prune. The images registry
 * ({@link dev.errand.server.image.ImageService}) owns image names and permissions and calls
 * {@link #importImage(ImageImportRequest)} for images whose source is an OCI transport. Thread-safe.
 */
public final class OciImageService implements OciImages {
    /** The driver that runs imported images. */
    public static final String DRIVER = "oci";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,255}");
    private static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private final OciImageStore store;
    private final Supplier<Set<String>> digestsInUse;
    private final String unavailable;

    /**
     * @param store the digest-keyed store of unpacked images
     * @param digestsInUse the digests of containers being started or running (kept by prune)
     * @param unavailable why the {@code oci} driver cannot run here, or null when it can
     */
    public OciImageService(OciImageStore store, Supplier<Set<String>> digestsInUse, String unavailable) {
        this.store = store;
        this.digestsInUse = digestsInUse;
        this.unavailable = unavailable;
    }

    @Override
    public Imported importImage(ImageImportRequest r) {
        OciImage i = importChecked(r);
        return new Imported(i.digest(), store.rootfs(i.digest()).toString(), env(i), i.workMount());
    }

    @Override
    public void forget(String name) {
        try {
            store.forget(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the imported image of that name */
    public java.util.Optional<OciImage> find(String name) {
        return store.find(name);
    }

    /**
     * Imports an image into the store under its name (the registry records it).
     *
     * @throws ErrandException {@code unavailable} when the oci
     *     driver or its tools are missing here, {@code invalid_request} for bad input or an image
     *     that cannot be imported (with the reason)
     */
    OciImage importChecked(ImageImportRequest r) {
        String name = r.name() == null ? "" : r.name();
        if (!NAME.matcher(name).matches() || name.equals(ImageCatalog.HOST)) {
            throw ErrandException.invalid("image name '" + name + "' is not valid: use 1 to 63 of a-z 0-9 . _ -, starting"
                    + " with a letter or digit, not '" + ImageCatalog.HOST + "'");
        }
        ImageSource source = ImageSource.parse(r.source());
        if (r.digest() != null && !OciLayout.isDigest(r.digest())) {
            throw ErrandException.invalid("digest '" + r.digest() + "' is not valid: write sha256: and 64 hex digits");
        }
        if (r.workingDir() != null && !r.workingDir().startsWith("/")) {
            throw ErrandException.invalid("working_dir must be absolute, got '" + r.workingDir() + "'");
        }
        Limits limits = limits(r);
        requireUsable();
        ImageConfig overrides = new ImageConfig(r.entrypoint(), r.cmd(), env(r.env()), r.workingDir(), r.user());
        try {
            return store.importImage(new ImportSpec(name, source, r.digest(), overrides,
                    r.network() == null || r.network(), limits));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Removes unpacked images that no image names and no container uses.
     *
     * @throws ErrandException {@code forbidden} below operator
     */
    public OciImageStore.Pruned prune(Principal caller) {
        requireOperator(caller, "prune images");
        try {
            return store.prune(digestsInUse.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the environment of an imported image: a default PATH, then the image's own (with overrides) */
    static Map<String, String> env(OciImage i) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", DEFAULT_PATH);
        env.putAll(i.config().envMap());
        return env;
    }

    private void requireUsable() {
        String why = unavailable != null ? unavailable : store.missingTools();
        if (why != null) {
            throw new ErrandException(ErrorCode.UNAVAILABLE, "cannot import OCI images on this server: " + why);
        }
    }

    private static void requireOperator(Principal caller, String what) {
        if (caller.role() != Role.ADMIN && caller.role() != Role.OPERATOR) {
            throw new ErrandException(ErrorCode.FORBIDDEN, "role " + caller.role().wireName() + " cannot " + what
                    + ": ask an operator or admin");
        }
    }

    private static Limits limits(ImageImportRequest r) {
        long memory = r.memoryBytes() == null ? 0 : r.memoryBytes();
        int processes = r.maxProcesses() == null ? 0 : r.maxProcesses();
        if (r.memoryBytes() != null && memory < (4L << 20)) {
            throw ErrandException.invalid("memory_bytes must be at least 4194304 (4 MiB), got " + memory);
        }
        if (r.maxProcesses() != null && processes < 1) {
            throw ErrandException.invalid("max_processes must be at least 1, got " + processes);
        }
        return new Limits(memory, processes, 0, 0);
    }

    private static List<String> env(Map<String, String> env) {
        if (env == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        env.forEach((k, v) -> {
            if (!ENV_NAME.matcher(k).matches() || (v != null && v.indexOf('\0') >= 0)) {
                throw ErrandException.invalid("env entry '" + k + "' is not valid: names are letters, digits and _");
            }
            out.add(k + "=" + (v == null ? "" : v));
        });
        return out;
    }
}
