package dev.errand.server.oci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.errand.protocol.ErrandException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads a local OCI image layout (image-spec {@code index.json} plus content-addressed blobs)
 * that skopeo just wrote, checking that each blob read has the digest it is named by.
 *
 * @param dir the layout directory
 */
record OciLayout(Path dir) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    /**
     * @param tag the {@code org.opencontainers.image.ref.name} of the wanted manifest
     * @return the manifest's digest, verified against its content
     * @throws ErrandException {@code invalid_request} when the layout has no such manifest or a
     *     blob does not match its digest
     */
    String manifestDigest(String tag) throws IOException {
        for (JsonNode m : JSON.readTree(dir.resolve("index.json").toFile()).path("manifests")) {
            if (tag.equals(m.path("annotations").path("org.opencontainers.image.ref.name").asText())) {
                String digest = m.path("digest").asText();
                verify(digest);
                return digest;
            }
        }
        throw ErrandException.invalid("the copied image has no manifest tagged '" + tag + "'");
    }

    /** @return the image config blob of the manifest, verified */
    JsonNode config(String manifestDigest) throws IOException {
        JsonNode manifest = JSON.readTree(blob(manifestDigest).toFile());
        String configDigest = manifest.path("config").path("digest").asText();
        verify(configDigest);
        return JSON.readTree(blob(configDigest).toFile());
    }

    /**
     * @throws ErrandException {@code invalid_request} when the blob's SHA-256 is not its name
     */
    private void verify(String digest) throws IOException {
        if (!DIGEST.matcher(digest).matches()) {
            throw ErrandException.invalid("unsupported digest '" + digest + "': only sha256 is supported");
        }
        String actual = sha256(blob(digest));
        if (!actual.equals(digest)) {
            throw ErrandException.invalid("digest mismatch: blob " + digest + " has content " + actual);
        }
    }

    private Path blob(String digest) {
        return dir.resolve("blobs").resolve("sha256").resolve(digest.substring("sha256:".length()));
    }

    /** @return {@code sha256:} + the hex SHA-256 of the file */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return "sha256:" + HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return true when {@code s} is a {@code sha256:} digest */
    static boolean isDigest(String s) {
        return s != null && DIGEST.matcher(s).matches();
    }
}
