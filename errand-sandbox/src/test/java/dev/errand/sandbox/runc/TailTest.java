package dev.errand.sandbox.runc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailTest {
    @TempDir
    Path dir;

    @Test
    void followsAGrowingFileAndEndsOnlyWhenTheWriterHasFinished() throws Exception {
        Path file = Files.createFile(dir.resolve("out"));
        AtomicBoolean finished = new AtomicBoolean();
        CompletableFuture<String> read;
        try (InputStream in = new Tail(file, finished::get)) {
            read = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Files.writeString(file, "one\n", StandardOpenOption.APPEND);
            Thread.sleep(100);
            assertThat(read).isNotDone();
            Files.writeString(file, "two\n", StandardOpenOption.APPEND);
            finished.set(true);
            assertThat(read.get()).isEqualTo("one\ntwo\n");
        }
    }

    @Test
    void readsWhatWasWrittenBeforeTheWriterFinished() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "all of it\n");
        try (InputStream in = new Tail(file, () -> true)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("all of it\n");
        }
    }
}
