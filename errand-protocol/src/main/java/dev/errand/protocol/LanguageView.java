package dev.errand.protocol;

import java.util.List;

/**
 * One language of {@code GET /api/v1/languages}.
 *
 * @param id the name requests use
 * @param name a display name
 * @param aliases other accepted names
 * @param version the version: the installed toolchain's when known, else the catalogue's
 * @param file the file name {@code code} is saved as
 * @param compiled true when a compile step runs before the program
 * @param installed true when this server can run it now
 * @param image where it runs: {@code host} (the host's toolchain) or {@code language:ID} (a built image)
 * @param packages the Debian packages that provide it
 * @param install the state of an image build started with {@code errand languages install}, else null
 */
public record LanguageView(
        String id,
        String name,
        List<String> aliases,
        String version,
        String file,
        boolean compiled,
        boolean installed,
        String image,
        List<String> packages,
        String install) {}
