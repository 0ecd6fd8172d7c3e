/**
 * Isolated processes on one Linux host. A {@link dev.errand.sandbox.SandboxLauncher} turns a
 * {@link dev.errand.sandbox.SandboxSpec} into a running {@link dev.errand.sandbox.SandboxProcess},
 * which can be waited for and killed as a whole, and whose output is read line by line with
 * {@link dev.errand.sandbox.LinePump}. {@link dev.errand.sandbox.BubblewrapLauncher} (the default)
 * runs each program unprivileged in its own bubblewrap namespaces;
 * {@link dev.errand.sandbox.ProcessLauncher} is the explicitly insecure fallback that isolates nothing.
 * Containers from OCI images, run with runc, are in {@code dev.errand.sandbox.runc}.
 */
package dev.errand.sandbox;
