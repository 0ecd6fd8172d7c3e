package dev.errand.server.oci;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.sandbox.Executables;
import dev.errand.sandbox.HostCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * skopeo (copies an image from any source into a local OCI layout, checking every blob's digest)
 * and umoci (unpacks a layout's layers into a root filesystem, with ids shifted into the
 * containers' mapping). Stateless and thread-safe.
 *
 * @param skopeo the skopeo executable, or empty when it is not installed
 * @param umoci the umoci executable, or empty when it is not installed
 * @param registries how skopeo reaches registries (TLS, credentials)
 */
record ImageTools(Optional<Path> skopeo, Optional<Path> umoci, RegistryConfig registries) {
    private static final Duration COPY_TIMEOUT = Duration.ofMinutes(30);
    private static final Pattern FATAL = Pattern.compile("level=(?:fatal|error) msg=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** @return the tools found on this host, reaching registries as {@code registries} says */
    static ImageTools detect(RegistryConfig registries) {
        return new ImageTools(Executables.find("skopeo"), Executables.find("umoci"), registries);
    }

    /** @return null when both tools are there, else what to install */
    String missing() {
        if (umoci.isEmpty()) {
            return "umoci is not installed: run 'sudo apt-get install -y umoci skopeo'";
        }
        return skopeo.isEmpty() ? "skopeo is not installed: run 'sudo apt-get install -y skopeo'" : null;
    }

    /**
     * Copies the image into {@code layout} under {@code tag}.
     *
     * @throws ErrandException {@code invalid_request} with skopeo's reason when the source cannot
     *     be read (missing, corrupt, unreachable registry, unknown tag, refused credentials, digest
     *     mismatch), and a hint when the server's registry settings may be the cause
     */
    void copy(ImageSource source, Path layout, String tag, Path tmp) throws IOException {
        List<String> command = new ArrayList<>(List.of(require(skopeo, "skopeo"), "--insecure-policy", "--tmpdir",
                tmp.toString(), "copy", "--quiet"));
        command.addAll(registries.pullOptions(source));
        command.addAll(List.of(source.skopeoReference(), "oci:" + layout + ":" + tag));
        HostCommand r = HostCommand.run(command, COPY_TIMEOUT);
        if (r.exit() != 0) {
            String why = reason(r.output());
            throw ErrandException.invalid("cannot import " + source + ": " + why + registries.hint(source, why));
        }
    }

    /**
     * Unpacks the layout's {@code tag} into {@code bundle/rootfs}, ids shifted by {@code idMap}.
     *
     * @throws ErrandException {@code invalid_request} with umoci's reason (a corrupt or unsupported layer)
     */
    void unpack(Path layout, String tag, Path bundle, String idMap) throws IOException {
        HostCommand r = HostCommand.run(List.of(require(umoci, "umoci"), "--log", "error", "unpack", "--uid-map", idMap,
                "--gid-map", idMap, "--image", layout + ":" + tag, bundle.toString()), COPY_TIMEOUT);
        if (r.exit() != 0) {
            throw ErrandException.invalid("cannot unpack the image's layers: " + reason(r.output()));
        }
    }

    /** @return the message of a Go tool's {@code level=fatal msg="..."} line, else the output as is */
    static String reason(String output) {
        Matcher m = FATAL.matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(1).replace("\\\"", "\"");
        }
        return last != null ? last : output.strip();
    }

    private static String require(Optional<Path> tool, String name) {
        return tool.map(Path::toString).orElseThrow(() -> new ErrandException(ErrorCode.UNAVAILABLE,
                name + " is not installed: run 'sudo apt-get install -y " + name + "'"));
    }
}
