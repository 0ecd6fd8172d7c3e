package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sandbox's stub is told for one run. */
class StubRequestTest {
    static final LanguageCatalogue CATALOGUE = LanguageCatalogue.load();
    static final Principal ME = new Principal("usr_a", "a@x", Role.DEVELOPER, "key_a");

    static Job job(String language, List<SourceFile> files, String stdin, List<String> args) {
        return new Job("ex_1", ME, "req", CATALOGUE.find(language).orElseThrow(), "1", files,
                stdin.getBytes(StandardCharsets.UTF_8), args, 2500, 128, false, Instant.EPOCH);
    }

    static String text(byte[] request) {
        return new String(request, StandardCharsets.ISO_8859_1);
    }

    static SourceFile file(String name, byte[] content) {
        return new SourceFile(name, content);
    }

    @Test
    void filesAndStdinTravelAsCountedBlocksSoBinaryContentSurvives() {
        byte[] binary = {0, '\n', 2};
        Job j = job("python", List.of(file("main.py", "print('é')".getBytes(StandardCharsets.UTF_8)),
                file("data.bin", binary)), "hello", List.of());

        String all = text(StubRequest.of(j, CodeLimits.defaults(), null, false));

        assertThat(all).startsWith("errand-stub 1\nO 1048576\nF 11 main.py\nprint('\u00c3\u00a9')F 3 data.bin\n\0\n\u0002I 5\nhello");
    }

    @Test
    void theProgramRunsUnderItsLimitsWithTheRequestsArgumentsAsSeparateWords() {
        Job j = job("python", List.of(file("main.py", new byte[] {'1'})), "", List.of("a b", "$HOME"));

        String all = text(StubRequest.of(j, CodeLimits.defaults(), null, false));

        // 128 MiB + no overhead as KiB, 64 processes, CPU: 2.5 s rounded up plus one, 16 MiB files;
        // then P: Python's sandboxes start its launcher ahead, and the program runs in it
        assertThat(all).endsWith("R 131072 64 4 16777216 4\npython3\0main.py\0a b\0$HOME\0P\n").doesNotContain("\nI ");
    }

    @Test
    void nodeRunsInItsPreloadedLauncherOnlyAtTheMemoryLimitTheLauncherStartedWith() {
        Job atDefault = new Job("ex_1", ME, "req", CATALOGUE.find("javascript").orElseThrow(), "1",
                List.of(file("main.js", new byte[] {'1'})), new byte[0], List.of(), 2500,
                CodeLimits.defaults().defaultMemoryMb(), false, Instant.EPOCH);
        Job smaller = job("javascript", List.of(file("main.js", new byte[] {'1'})), "", List.of());

        assertThat(text(StubRequest.of(atDefault, CodeLimits.defaults(), null, false)))
                .contains("node\0--max-old-space-size=256\0main.js\0").endsWith("\0P\n");
        assertThat(text(StubRequest.of(smaller, CodeLimits.defaults(), null, false)))
                .contains("--max-old-space-size=128").doesNotContain("\nP\n").endsWith("main.js\0");
    }

    @Test
    void commandsWithShellSyntaxGoThroughShWithTheArgumentsAsPositionalParameters() {
        assertThat(StubRequest.argv("cc -o main main.c && ./main", List.of("x y")))
                .containsExactly("/bin/sh", "-c", "cc -o main main.c && ./main \"$@\"", "sh", "x y");
        assertThat(StubRequest.argv("java -Xmx64m Main", List.of("1"))).containsExactly("java", "-Xmx64m", "Main", "1");
        assertThat(StubRequest.argv("FOO=1 prog", List.of())).containsExactly("/bin/sh", "-c", "FOO=1 prog", "sh");
        assertThat(StubRequest.argv("prog *.txt", List.of())).startsWith("/bin/sh");
    }

    @Test
    void aCompiledLanguageCompilesFirstAndACacheHitSendsTheArtefactsInstead() {
        Job c = job("c", List.of(file("main.c", "int main(){}".getBytes(StandardCharsets.UTF_8))), "", List.of());

        String compiles = text(StubRequest.of(c, CodeLimits.defaults(), null, true));
        String cached = text(StubRequest.of(c, CodeLimits.defaults(), new byte[] {'T', 'A', 'R'}, false));

        assertThat(compiles).contains("C 2097152 64 0 16777216 1 4\n/bin/sh\0-c\0gcc -std=gnu17").doesNotContain("A 3");
        assertThat(cached).contains("A 3\nTAR").doesNotContain("C 2097152").contains("TARR 131072 ");
    }
}
