package dev.errand.server.oci;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.Json;
import dev.errand.sandbox.runc.IdMapping;
import dev.errand.server.driver.WorkDirs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imported OCI images and their unpacked root filesystems, on disk under one directory:
 * {@code images/<name>.json} (one {@link OciImage} each), {@code rootfs/sha256-<hex>/} (the
 * unpacked image, shared by every container and every image name with that digest, never written
 * to) and {@code tmp/} (imports in progress). Imports run concurrently with each other; a prune
 * runs alone. Thread-safe.
 */
public final class OciImageStore {
    private static final Logger LOG = LoggerFactory.getLogger(OciImageStore.class);
    private final ObjectMapper json = Json.newMapper();
    private final Path dir;
    private final ImageTools tools;
    private final IdMapping ids;
    private final Map<String, OciImage> images = new ConcurrentHashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    /**
     * Opens the store, loading its image records and removing imports a previous process left
     * half done.
     *
     * @param dir the store's directory (created if missing)
     * @param ids the id mapping images are unpacked with (the containers')
     * @param registries how images are pulled from registries
     * @throws IOException when the directory cannot be created or read
     * @throws dev.errand.protocol.ErrandException {@code invalid_request} when the registries'
     *     auth file cannot be read
     */
    public OciImageStore(Path dir, IdMapping ids, RegistryConfig registries) throws IOException {
        registries.checkAuthFile();
        this.dir = dir;
        this.ids = ids;
        this.tools = ImageTools.detect(registries);
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("rootfs"));
        WorkDirs.remove(dir.resolve("tmp"));
        Files.createDirectories(dir.resolve("tmp"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir.resolve("images"), "*.json")) {
            for (Path f : files) {
                try {
                    OciImage image = json.readValue(f.toFile(), OciImage.class);
                    images.put(image.name(), image);
                } catch (IOException e) {
                    LOG.warn("ignoring unreadable image record {}: {}", f, e.getMessage());
                }
            }
        }
    }

    /** @return null when skopeo and umoci are installed, else what to install */
    public String missingTools() {
        return tools.missing();
    }

    /**
     * Imports an image (see {@link ImageImport}) and records it under its name, replacing an
     * image of that name.
     *
     * @return the imported image
     * @throws dev.errand.protocol.ErrandException {@code invalid_request} with the reason the
     *     image cannot be imported; nothing is left behind
     * @throws IOException when the store's directory cannot be written
     */
    public OciImage importImage(ImportSpec spec) throws IOException {
        lock.readLock().lock();
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory(dir.resolve("tmp"), "import-");
            OciImage image = new ImageImport(tools, ids, dir.resolve("rootfs"), tmp).run(spec);
            Path record = dir.resolve("images").resolve(spec.name() + ".json");
            Path part = tmp.resolve("record.json");
            json.writeValue(part.toFile(), image);
            Files.move(part, record, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            images.put(image.name(), image);
            return image;
        } finally {
            if (tmp != null) {
                WorkDirs.remove(tmp);
            }
            lock.readLock().unlock();
        }
    }

    /**
     * Drops an image's record (its registry entry was removed); its unpacked root stays until a
     * prune finds it unused.
     */
    public void forget(String name) throws IOException {
        lock.readLock().lock();
        try {
            images.remove(name);
            Files.deleteIfExists(dir.resolve("images").resolve(name + ".json"));
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return the image of that name */
    public Optional<OciImage> find(String name) {
        return Optional.ofNullable(images.get(name));
    }

    /** @return every image, by name */
    public List<OciImage> list() {
        return images.values().stream().sorted(java.util.Comparator.comparing(OciImage::name)).toList();
    }

    /** @return the unpacked root filesystem of a digest (it may not exist) */
    public Path rootfs(String digest) {
        return dir.resolve("rootfs").resolve(ImageImport.dirName(digest));
    }

    /**
     * Removes every unpacked root filesystem that no image record names and no container uses
     * (as the lower layer of a mounted overlay, or in {@code busy}).
     *
     * @param busy digests that containers being started use
     * @return the removed digests and the bytes freed
     */
    public Pruned prune(Collection<String> busy) throws IOException {
        lock.writeLock().lock();
        try {
            Set<String> keep = new HashSet<>(busy);
            images.values().forEach(i -> keep.add(i.digest()));
            Set<Path> mounted = MountedLowers.read();
            List<String> removed = new ArrayList<>();
            long bytes = 0;
            try (Stream<Path> dirs = Files.list(dir.resolve("rootfs"))) {
                for (Path d : dirs.toList()) {
                    String digest = d.getFileName().toString().replaceFirst("-", ":");
                    if (keep.contains(digest) || mounted.contains(d)) {
                        continue;
                    }
                    long size = size(d);
                    if (WorkDirs.remove(d)) {
                        removed.add(digest);
                        bytes += size;
                    }
                }
            }
            return new Pruned(removed, bytes);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * What a prune removed.
     *
     * @param digests the removed images' manifest digests
     * @param bytes the bytes their files took
     */
    public record Pruned(List<String> digests, long bytes) {}

    private static long size(Path d) throws IOException {
        try (Stream<Path> files = Files.walk(d)) {
            return files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
