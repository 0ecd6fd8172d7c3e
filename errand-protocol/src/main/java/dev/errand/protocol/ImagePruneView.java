package dev.errand.protocol;

import java.util.List;

/**
 * The answer of {@code POST /api/v1/images/prune}.
 *
 * @param removed the manifest digests whose unpacked layers were removed (no image names them and
 *     no container uses them)
 * @param freedBytes the bytes their files took
 */
public record ImagePruneView(List<String> removed, long freedBytes) {}
