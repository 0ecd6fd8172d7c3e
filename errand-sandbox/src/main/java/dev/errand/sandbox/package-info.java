/**
 * Isolated processes on one Linux host. A {@link dev.errand.sandbox.SandboxLauncher} turns a
 * {@link dev.errand.sandbox.SandboxSpec} into a running {@link dev.errand.sandbox.SandboxProcess}
 * (bubblewrap namespaces by default), which can be waited for, killed as a whole, and whose
 * output is read line by line with {@link dev.errand.sandbox.LinePump}.
 */
package dev.errand.sandbox;
