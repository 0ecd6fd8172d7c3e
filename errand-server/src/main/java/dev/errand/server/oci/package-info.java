/**
 * OCI images on this server: importing them from a registry ({@code docker://}, with skopeo) or
 * from local archives and layouts, unpacking them with umoci into a cache keyed by manifest
 * digest that every container of the image shares, and pruning what no image uses any more. The
 * {@code oci} driver ({@code driver.oci}) runs containers from what this package unpacked.
 */
package dev.errand.server.oci;
