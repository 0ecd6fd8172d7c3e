package dev.errand.server.code;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Compiled artefacts (the working directory after a successful compile, as a tar) kept in memory,
 * least recently used first out, so an identical run skips its compiler. The key covers the
 * caller, the language, its version and compile command, and every file's name and bytes: a hit is
 * what compiling those exact sources gave this same user, so nobody can plant artefacts for
 * anyone else or learn whether someone else compiled a source. The server never unpacks the tar;
 * only the next sandbox does. Thread-safe.
 */
final class CompileCache {
    private final long maxBytes;
    private final long maxEntryBytes;
    private final LinkedHashMap<String, byte[]> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /**
     * @param maxBytes the memory budget in bytes; 0 disables the cache
     */
    CompileCache(long maxBytes) {
        this.maxBytes = maxBytes;
        this.maxEntryBytes = maxBytes / 4;
    }

    /** @return the cache key of a job's compile step */
    static String key(Job job) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            Language l = job.language();
            for (String part : new String[] {job.caller().userId(), l.id(), job.version(), l.compile()}) {
                d.update(part.getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
            }
            for (SourceFile f : job.files()) {
                d.update(f.name().getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Long.toString(f.content().length).getBytes(StandardCharsets.US_ASCII));
                d.update((byte) 0);
                d.update(f.content());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether this cache keeps anything */
    boolean enabled() {
        return maxBytes > 0;
    }

    /** @return the artefacts stored under {@code key} */
    synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** Stores artefacts; too large ones are ignored, and old ones leave to make room. */
    synchronized void put(String key, byte[] artefacts) {
        if (artefacts.length == 0 || artefacts.length > maxEntryBytes) {
            return;
        }
        byte[] old = entries.put(key, artefacts);
        bytes += artefacts.length - (old == null ? 0 : old.length);
        Iterator<Map.Entry<String, byte[]>> it = entries.entrySet().iterator();
        while (bytes > maxBytes && it.hasNext()) {
            bytes -= it.next().getValue().length;
            it.remove();
        }
    }

    /** @return the bytes held */
    synchronized long size() {
        return bytes;
    }
}
