/**
 * Images: what a sandbox starts from, with its driver and defaults. The foundation ships the
 * built-in {@code host} image (the host's /usr, read-only); registered images come later.
 */
package dev.errand.server.image;
