package dev.errand.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxSpecTest {
    private static final Path WORK = Path.of("/tmp/work");

    @Test
    void aValidSpecIsCopied() {
        List<String> argv = new ArrayList<>(List.of("/bin/true"));
        SandboxSpec spec = new SandboxSpec(argv, Map.of("A", ""), WORK, false, "errand-1.example", Limits.NONE);
        argv.add("changed");

        assertThat(spec.argv()).containsExactly("/bin/true");
    }

    @Test
    void nulCharactersAreRejectedEverywhere() {
        assertThatThrownBy(() -> spec(List.of("a\0b"), Map.of(), "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(List.of("a"), Map.of("K", "v\0--bind"), "h"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(List.of("a"), Map.of("K\0", "v"), "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentNamesMustBeNonEmptyAndWithoutEquals() {
        assertThatThrownBy(() -> spec(List.of("a"), Map.of("", "v"), "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(List.of("a"), Map.of("A=B", "v"), "h"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostnamesMustBePlain() {
        for (String bad : List.of("", "-x", "--bind", "a b", "x".repeat(64), "a/b")) {
            assertThatThrownBy(() -> spec(List.of("a"), Map.of(), bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void emptyArgvAndRelativeWorkDirsAreRejected() {
        assertThatThrownBy(() -> spec(List.of(), Map.of(), "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SandboxSpec(List.of("a"), Map.of(), Path.of("work"), false, "h", Limits.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SandboxSpec spec(List<String> argv, Map<String, String> env, String hostname) {
        return new SandboxSpec(argv, env, WORK, false, hostname, Limits.NONE);
    }
}
