package dev.errand.server.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.protocol.ErrandException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups inside an image root never leave it, whatever its symbolic links say. */
class RootfsPathsTest {
    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void image() throws Exception {
        root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("usr/bin"));
        Files.createDirectories(root.resolve("etc"));
        Path tool = Files.writeString(root.resolve("usr/bin/tool"), "#!/bin/sh\n");
        Files.setAttribute(tool, "unix:mode", 0755);
        Files.writeString(root.resolve("usr/bin/data"), "not executable");
        Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
        Files.createSymbolicLink(root.resolve("usr/bin/abs"), Path.of("/usr/bin/tool"));
        Files.createSymbolicLink(root.resolve("usr/bin/escape"), Path.of("../../../../outside"));
        Files.createSymbolicLink(root.resolve("etc/passwd"), Path.of("/etc/passwd"));
        Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
        Files.writeString(dir.resolve("outside"), "host file");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nstaff:x:50:\n");
    }

    @Test
    void linksAreFollowedInsideTheImage() {
        assertThat(RootfsPaths.resolve(root, "/bin/tool")).contains(root.resolve("usr/bin/tool"));
        assertThat(RootfsPaths.resolve(root, "/usr/bin/abs")).contains(root.resolve("usr/bin/tool"));
        assertThat(RootfsPaths.resolve(root, "/../../bin/./tool")).contains(root.resolve("usr/bin/tool"));
    }

    @Test
    void linksPointingOutOfTheImageStayInsideIt() {
        assertThat(RootfsPaths.resolve(root, "/usr/bin/escape")).isEmpty();
        assertThat(RootfsPaths.resolve(root, "/etc/passwd")).isEmpty();
        assertThat(RootfsPaths.resolve(root, "/loop")).isEmpty();
    }

    @Test
    void programsAreFoundAlongThePathAndMustBeExecutable() {
        assertThat(RootfsPaths.program(root, "tool", "/", "/sbin:/bin")).contains(root.resolve("usr/bin/tool"));
        assertThat(RootfsPaths.program(root, "tool", "/", null)).contains(root.resolve("usr/bin/tool"));
        assertThat(RootfsPaths.program(root, "./tool", "/usr/bin", null)).contains(root.resolve("usr/bin/tool"));
        assertThat(RootfsPaths.program(root, "data", "/", "/bin")).isEmpty();
        assertThat(RootfsPaths.program(root, "/bin/sh", "/", null)).isEmpty();
    }

    @Test
    void usersAndGroupsResolveFromTheImagesOwnFiles() throws Exception {
        Files.delete(root.resolve("etc/passwd"));
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\napp:x:1000:1001::/home/app:/bin/sh\n");
        assertThat(ImageUser.resolve(root, "", 65536)).isEqualTo(new ImageUser(0, 0));
        assertThat(ImageUser.resolve(root, "app", 65536)).isEqualTo(new ImageUser(1000, 1001));
        assertThat(ImageUser.resolve(root, "1000", 65536)).isEqualTo(new ImageUser(1000, 1001));
        assertThat(ImageUser.resolve(root, "2000", 65536)).isEqualTo(new ImageUser(2000, 0));
        assertThat(ImageUser.resolve(root, "app:staff", 65536)).isEqualTo(new ImageUser(1000, 50));
        assertThat(ImageUser.resolve(root, "3:4", 65536)).isEqualTo(new ImageUser(3, 4));
        Assertions.assertThatThrownBy(() -> ImageUser.resolve(root, "ghost", 65536)).isInstanceOf(ErrandException.class)
                .hasMessageContaining("'ghost' is not in its /etc/passwd");
        Assertions.assertThatThrownBy(() -> ImageUser.resolve(root, "app:ghosts", 65536))
                .hasMessageContaining("'ghosts' is not in its /etc/group");
        Assertions.assertThatThrownBy(() -> ImageUser.resolve(root, "70000", 65536)).hasMessageContaining("outside");
    }
}
