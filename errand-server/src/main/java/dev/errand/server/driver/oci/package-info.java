/**
 * The {@code oci} driver: each execution is a runc container ({@code dev.errand.sandbox.runc})
 * from an imported OCI image ({@code dev.errand.server.oci}). Containers outlive a server restart
 * and are re-attached to; output is read from files, so nothing is lost meanwhile.
 */
package dev.errand.server.driver.oci;
