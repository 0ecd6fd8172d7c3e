package dev.errand.sandbox.runc;

import dev.errand.sandbox.HostCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/**
 * Gives a container its own writable root over a shared, never-written image. With overlayfs the
 * image is the lower layer and the bundle's {@code layer/} the upper one; the mount itself is
 * done by the {@link Monitor}, just before runc starts, so this returns its command. Without
 * overlayfs the image is copied into {@code rootfs/} ({@code cp -a}, reflinks where the file
 * system has them). Either way the root directory belongs to container root, and {@code /tmp}
 * exists (1777) even when the image lacks it. Stateless.
 */
final class RootFilesystem {
    private RootFilesystem() {}

    /**
     * @param image the unpacked image root (owned by mapped ids)
     * @return the mount command the monitor runs first, or an empty list after a copy
     * @throws IOException when the directories cannot be made or the copy fails
     */
    static List<String> prepare(RuncHost host, Bundle bundle, Path image, IdMapping ids, Duration copyTimeout)
            throws IOException {
        if (!Files.isDirectory(image)) {
            throw new IOException("the image root filesystem " + image + " does not exist; import the image again");
        }
        Files.createDirectory(bundle.rootfs());
        Path top;
        List<String> mount;
        if (host.overlay()) {
            top = Files.createDirectory(bundle.layer());
            Files.createDirectory(bundle.layerWork());
            mount = List.of(host.mount().toString(), "-t", "overlay", "overlay", "-o",
                    Bundle.overlayOptions(image, bundle.layer(), bundle.layerWork()), bundle.rootfs().toString());
        } else {
            HostCommand.check(List.of(host.cp().toString(), "-a", "--reflink=auto", "--", image + "/.",
                    bundle.rootfs().toString()), copyTimeout);
            top = bundle.rootfs();
            mount = List.of();
        }
        Ownership.chown(top, ids.toHost(0), ids.toHost(0));
        Files.setPosixFilePermissions(top, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (!Files.exists(image.resolve("tmp"), LinkOption.NOFOLLOW_LINKS) && !Files.exists(top.resolve("tmp"))) {
            Path tmp = Files.createDirectory(top.resolve("tmp"));
            Ownership.chown(tmp, ids.toHost(0), ids.toHost(0));
            Files.setAttribute(tmp, "unix:mode", 01777);
        }
        return mount;
    }
}
