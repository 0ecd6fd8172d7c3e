/**
 * Containers on one Linux host with runc: a {@link dev.errand.sandbox.runc.RuncLauncher} turns a
 * {@link dev.errand.sandbox.runc.ContainerSpec} (an unpacked image root filesystem plus what to run
 * in it) into an OCI bundle and a running {@link dev.errand.sandbox.runc.Container}. Containers
 * outlive the JVM that started them, so a restarted server can re-attach to them.
 */
package dev.errand.sandbox.runc;
