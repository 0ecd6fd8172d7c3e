package dev.errand.server.oci;

import dev.errand.protocol.ErrandException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where an OCI image comes from, as the user wrote it: {@code docker://REF} (a registry, pulled
 * with skopeo), {@code oci-archive:PATH[:TAG]}, {@code oci:DIR[:TAG]} or
 * {@code docker-archive:PATH[:REF]} (files on the server's host, for air-gapped sites). Paths are
 * absolute and may not contain {@code :}. Immutable.
 *
 * @param transport {@code docker}, {@code oci-archive}, {@code oci} or {@code docker-archive}
 * @param location the registry reference, or the absolute path
 * @param tag the tag (or docker reference) inside an archive or layout, or null for its only image
 */
public record ImageSource(String transport, String location, String tag) {
    /** A docker reference: [registry[:port]/]name[/name...][:tag][@sha256:digest], names lower-case. */
    private static final Pattern REFERENCE = Pattern.compile("(?:[a-z0-9.-]+(?::[0-9]+)?/)?"
            + "[a-z0-9]+(?:[._-]+[a-z0-9]+)*(?:/[a-z0-9]+(?:[._-]+[a-z0-9]+)*)*"
            + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[0-9a-f]{64})?");
    private static final String FORMS = "use docker://REF, oci-archive:PATH[:TAG], oci:DIR[:TAG] or"
            + " docker-archive:PATH";

    /**
     * @param text the source as given
     * @return the parsed source
     * @throws ErrandException {@code invalid_request} saying what is wrong and which forms exist
     */
    public static ImageSource parse(String text) {
        if (text == null || text.isBlank()) {
            throw ErrandException.invalid("source is empty: " + FORMS);
        }
        String s = text.strip();
        if (s.startsWith("docker://")) {
            String ref = s.substring("docker://".length());
            if (!REFERENCE.matcher(ref).matches()) {
                throw ErrandException.invalid("'" + s + "' is not a valid image reference: write docker://NAME[:TAG]"
                        + " or docker://NAME@sha256:DIGEST with a lower-case name, such as docker://alpine:3.20");
            }
            return new ImageSource("docker", ref, null);
        }
        for (String transport : new String[] {"oci-archive", "oci", "docker-archive"}) {
            if (s.startsWith(transport + ":")) {
                return local(transport, s.substring(transport.length() + 1));
            }
        }
        throw ErrandException.invalid("unsupported image source '" + s + "': " + FORMS);
    }

    private static ImageSource local(String transport, String rest) {
        int colon = rest.indexOf(':');
        String path = colon < 0 ? rest : rest.substring(0, colon);
        String tag = colon < 0 ? null : rest.substring(colon + 1);
        if (path.isEmpty() || !Path.of(path).isAbsolute()) {
            throw ErrandException.invalid("the path in '" + transport + ":" + rest + "' must be absolute (it is read"
                    + " on the server's host)");
        }
        if (tag != null && (tag.contains("/") && !transport.equals("docker-archive") || tag.isBlank())) {
            throw ErrandException.invalid("'" + tag + "' is not a tag: paths with ':' are not supported");
        }
        return new ImageSource(transport, Path.of(path).normalize().toString(), tag);
    }

    /** @return the source in skopeo's transport syntax */
    public String skopeoReference() {
        return transport.equals("docker") ? "docker://" + location
                : transport + ":" + location + (tag == null ? "" : ":" + tag);
    }

    /**
     * @return the registry of a {@code docker://} source as Docker names it: the reference's first
     *     component when it has a {@code .} or {@code :} or is {@code localhost}, else
     *     {@code docker.io}; null for local sources
     */
    public String registry() {
        if (local()) {
            return null;
        }
        int slash = location.indexOf('/');
        String first = slash < 0 ? "" : location.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals("localhost") ? first : "docker.io";
    }

    /** @return true for sources on the server's file system */
    public boolean local() {
        return !transport.equals("docker");
    }

    @Override
    public String toString() {
        return skopeoReference();
    }
}
