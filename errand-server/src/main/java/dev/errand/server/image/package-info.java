/**
 * Images: what a sandbox starts from, with its driver and defaults (environment, network,
 * limits). The built-in {@code host} image (the host's /usr, read-only) runs on the default
 * driver; other features register theirs, such as imported OCI images ({@code oci}).
 */
package dev.errand.server.image;
