package dev.errand.protocol;

import java.util.List;

/**
 * The body of {@code POST /api/v1/images/{name}/build}: build a Debian root filesystem with
 * mmdebstrap, register it as {@code name} (source {@code debian}) and answer 202 while it builds.
 *
 * @param suite the Debian suite, such as {@code bookworm}
 * @param packages extra packages to install, such as {@code ["python3", "git"]}
 * @param rebuild true to build again although an identical build is ready (otherwise it is reused)
 */
public record ImageBuildRequest(String suite, List<String> packages, Boolean rebuild) {}
