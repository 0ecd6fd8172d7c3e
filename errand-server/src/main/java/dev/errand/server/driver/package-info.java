/**
 * The driver SPI (Nomad calls these task drivers): an {@link dev.errand.server.driver.ExecutionDriver}
 * turns an {@link dev.errand.server.driver.ExecutionSpec} into a running sandbox, delivers its
 * output lines to an {@link dev.errand.server.driver.OutputSink}, and reports its exit. The
 * {@code local} driver (bubblewrap) and the insecure {@code process} driver are both a
 * {@link dev.errand.server.driver.SandboxDriver} over a different launcher; the {@code oci}
 * driver (runc) is in {@code driver.oci}. Every driver passes one contract test suite.
 */
package dev.errand.server.driver;
