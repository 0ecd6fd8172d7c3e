package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreeTest {
    @TempDir
    Path dir;

    @Test
    void aTreeWithReadOnlyAndUnsearchableDirectoriesIsDeletedWhole() throws Exception {
        Path root = dir.resolve("work");
        Path locked = Files.createDirectories(root.resolve("a/locked"));
        Files.writeString(locked.resolve("file"), "x");
        Files.writeString(root.resolve("a/other"), "y");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--------"));
        Files.setPosixFilePermissions(root.resolve("a"), PosixFilePermissions.fromString("r-x------"));

        FileTree.delete(root);

        assertThat(root).doesNotExist();
    }

    @Test
    void symbolicLinksAreDeletedNotFollowed() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("keep"), "precious");
        Path root = Files.createDirectories(dir.resolve("work"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        Path linkRoot = Files.createSymbolicLink(dir.resolve("link-root"), outside);

        FileTree.delete(root);
        FileTree.delete(linkRoot);

        assertThat(root).doesNotExist();
        assertThat(Files.exists(linkRoot, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("keep")).hasContent("precious");
    }

    @Test
    void aMissingTreeIsFine() throws Exception {
        FileTree.delete(dir.resolve("never-made"));

        assertThat(dir).isEmptyDirectory();
    }
}
