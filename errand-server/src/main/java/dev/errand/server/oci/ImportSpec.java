package dev.errand.server.oci;

import dev.errand.sandbox.Limits;

/**
 * What to import, validated by the service.
 *
 * @param name the image name
 * @param source where from
 * @param expectedDigest the manifest digest the image must have, or null to accept any
 * @param overrides run settings that replace the image's own (null fields keep them)
 * @param network whether executions get the host's network by default
 * @param limits resource limits of its executions
 */
public record ImportSpec(String name, ImageSource source, String expectedDigest, ImageConfig overrides,
        boolean network, Limits limits) {}
