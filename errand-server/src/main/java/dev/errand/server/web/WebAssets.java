package dev.errand.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The web app's files, read from the class path under {@code web/} (the jar) and kept in memory
 * once read: the page {@code index.html} and everything under {@code assets/}, our own ES
 * modules and CSS and the third-party files the build copies from {@code node_modules}.
 * Thread-safe.
 */
public final class WebAssets {
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "json", "application/json",
            "txt", "text/plain; charset=utf-8");
    private final String root;
    private final ClassLoader loader;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    /**
     * A file ready to send.
     *
     * @param bytes its content
     * @param contentType its media type
     * @param etag a strong validator (quoted hash of the content)
     */
    record Asset(byte[] bytes, String contentType, String etag) {}

    /**
     * @param loader where to read from
     * @param root the folder inside the class path, such as {@code web}
     */
    WebAssets(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    /** @return the assets packaged with the server */
    public static WebAssets packaged() {
        return new WebAssets(WebAssets.class.getClassLoader(), "web");
    }

    /**
     * @param path a relative path such as {@code assets/app.js}; no empty, hidden or {@code ..} parts
     * @return the file, or empty when there is none or the path is not a safe relative path
     */
    Optional<Asset> find(String path) {
        if (path == null || !SAFE_PATH.matcher(path).matches()) {
            return Optional.empty();
        }
        // Only files found are cached (a null result is not stored), so unknown paths cannot grow the map.
        return Optional.ofNullable(cache.computeIfAbsent(path, this::load));
    }

    private Asset load(String path) {
        String type = TYPES.get(path.substring(path.lastIndexOf('.') + 1));
        if (type == null) {
            return null;
        }
        try (InputStream in = loader.getResourceAsStream(root + "/" + path)) {
            if (in == null) {
                return null;
            }
            byte[] bytes = in.readAllBytes();
            return new Asset(bytes, type, "\"" + HexFormat.of().formatHex(sha256(bytes), 0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web asset " + path, e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
