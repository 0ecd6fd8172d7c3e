package dev.errand.server.oci;

import dev.errand.protocol.ErrandException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the server reaches container registries when it pulls {@code docker://} images with skopeo.
 * TLS is required and certificates are verified for every registry except the insecure ones;
 * credentials come from a containers-auth.json file handed to skopeo by path, never on its
 * command line. Immutable.
 *
 * @param insecure registries reached over plain HTTP, or HTTPS without certificate checks:
 *     {@code HOST:PORT} names one port, {@code HOST} every port of that host (lower-case, as in
 *     image references; {@code docker.io} for Docker Hub)
 * @param authFile a containers-auth.json file ({@code {"auths":{"HOST[:PORT]":{"auth":"base64(user:password)"}}}},
 *     as {@code skopeo login --authfile} writes it), or null for skopeo's default places
 */
public record RegistryConfig(List<String> insecure, Path authFile) {
    /** TLS verified everywhere, skopeo's default credentials. */
    public static final RegistryConfig DEFAULTS = new RegistryConfig(List.of(), null);
    private static final Pattern ENTRY = Pattern.compile("[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?(?::[0-9]{1,5})?");

    /**
     * Normalizes the entries (trimmed, lower-case, blanks dropped) and checks their shape.
     *
     * @throws ErrandException {@code invalid_request} for an entry that is not {@code HOST[:PORT]}
     *     or a relative auth file path
     */
    public RegistryConfig {
        List<String> entries = new ArrayList<>();
        for (String e : insecure == null ? List.<String>of() : insecure) {
            String s = e == null ? "" : e.strip().toLowerCase(Locale.ROOT);
            if (s.isEmpty()) {
                continue;
            }
            if (!ENTRY.matcher(s).matches()) {
                throw ErrandException.invalid("insecure registry '" + e.strip() + "' is not HOST or HOST:PORT (such as"
                        + " registry.internal:5000); write no scheme and no path");
            }
            entries.add(s);
        }
        insecure = List.copyOf(entries);
        if (authFile != null && !authFile.isAbsolute()) {
            authFile = authFile.toAbsolutePath();
        }
    }

    /**
     * Checks, when the server starts, that the auth file can be read.
     *
     * @throws ErrandException {@code invalid_request} when it is missing or not a readable file
     */
    public void checkAuthFile() {
        if (authFile != null && !(Files.isRegularFile(authFile) && Files.isReadable(authFile))) {
            throw ErrandException.invalid("the registry auth file " + authFile + " does not exist or cannot be read;"
                    + " write it with 'skopeo login --authfile " + authFile + " REGISTRY'");
        }
    }

    /**
     * @param registry a registry as {@link ImageSource#registry()} names it: {@code HOST} or {@code HOST:PORT}
     * @return true when the server may reach it without TLS verification
     */
    public boolean isInsecure(String registry) {
        String host = registry.contains(":") ? registry.substring(0, registry.lastIndexOf(':')) : registry;
        return insecure.contains(registry) || insecure.contains(host);
    }

    /** @return skopeo's {@code copy} options that pull from this source: TLS and credentials */
    List<String> pullOptions(ImageSource source) {
        if (source.local()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        if (isInsecure(source.registry())) {
            options.add("--src-tls-verify=false");
        }
        if (authFile != null) {
            options.add("--src-authfile");
            options.add(authFile.toString());
        }
        return options;
    }

    /**
     * @param source a registry source that could not be pulled
     * @param reason skopeo's reason
     * @return what the user or the server's admin can do about it, starting with "; ", or "" when
     *     the reason says it already
     */
    String hint(ImageSource source, String reason) {
        if (source.local()) {
            return "";
        }
        String registry = source.registry();
        if (reason.contains("manifest unknown")) {
            return "; the registry has no image with that tag or digest";
        }
        if (!isInsecure(registry) && (reason.contains("server gave HTTP response to HTTPS client")
                || reason.contains("x509:") || reason.contains("tls:"))) {
            return "; if " + registry + " serves plain HTTP or a certificate this host does not trust, the server's"
                    + " admin can start the server with --insecure-registry " + registry;
        }
        if (reason.contains("unauthorized") || reason.contains("authentication required") || reason.contains("denied")) {
            return authFile == null
                    ? "; if the image is private, the server's admin can give the server credentials with"
                            + " --registry-auth-file"
                    : "; the credentials for " + registry + " in " + authFile + " are missing or not accepted";
        }
        return "";
    }
}
