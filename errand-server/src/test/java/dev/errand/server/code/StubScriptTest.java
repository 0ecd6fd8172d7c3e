package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.identity.Principal;
import dev.errand.server.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a sandbox is told for one run. */
class StubScriptTest {
    static final LanguageCatalogue CATALOGUE = LanguageCatalogue.load();
    static final Principal ME = new Principal("usr_a", "a@x", Role.DEVELOPER, "key_a");

    static Job job(String language, List<SourceFile> files, String stdin, List<String> args) {
        return new Job("ex_1", ME, "req", CATALOGUE.find(language).orElseThrow(), "1", files,
                stdin.getBytes(StandardCharsets.UTF_8), args, 2500, 128, false, Instant.EPOCH);
    }

    static String text(byte[] request) {
        return new String(request, StandardCharsets.ISO_8859_1);
    }

    @Test
    void theFirstLineIsTheScriptsLengthInBytes() {
        byte[] r = StubScript.request(job("python", List.of(new SourceFile("main.py", "print('é')".getBytes(StandardCharsets.UTF_8))), "", List.of()),
                CodeLimits.defaults(), null, false, true);
        String all = text(r);
        int newline = all.indexOf('\n');
        int length = Integer.parseInt(all.substring(0, newline));

        assertThat(r.length - newline - 1).isEqualTo(length);
    }

    @Test
    void argumentsAreSingleQuotedShellWords() {
        assertThat(StubScript.quote("it's $HOME `x`")).isEqualTo("'it'\\''s $HOME `x`'");
    }

    @Test
    void smallTextIsInlinedAndBinaryOrLargeContentIsCopiedRawAfterTheScript() {
        byte[] binary = {0, 1, 2};
        byte[] large = "y".repeat(StubScript.INLINE_BYTES + 1).getBytes(StandardCharsets.UTF_8);
        Job j = job("python", List.of(new SourceFile("main.py", "print(1)".getBytes(StandardCharsets.UTF_8)),
                new SourceFile("data.bin", binary), new SourceFile("big.txt", large)), "hello", List.of("a b"));
        String all = text(StubScript.request(j, CodeLimits.defaults(), null, false, true));

        assertThat(all).contains("printf '%s' 'print(1)' > 'main.py'", "dd bs=3 count=1 iflag=fullblock status=none of='data.bin'",
                "dd bs=" + large.length + " count=1", "printf '%s' 'hello' > /tmp/.i", "python3 main.py 'a b'");
        assertThat(all).endsWith(new String(binary, StandardCharsets.ISO_8859_1) + "y".repeat(large.length));
    }

    @Test
    void theProgramRunsUnderItsLimitsInTheBackgroundWithATrapForTheTimeout() {
        String all = text(StubScript.request(job("python", List.of(new SourceFile("main.py", new byte[] {'1'})), "", List.of()),
                CodeLimits.defaults(), null, false, false));

        assertThat(all).contains("ulimit -c 0; ulimit -d 131072; ulimit -p 64 2>/dev/null || ulimit -u 64; ulimit -t 4;",
                "ulimit -f 32768;", "trap 'kill -9 -1 2>/dev/null; z=1' TERM", " &\np=$!\nwait $p\n", "trap '' TERM")
                .doesNotContain("/usr/bin/time");
    }

    @Test
    void aCompiledLanguageCompilesFirstAndACacheHitSkipsTheCompiler() {
        Job c = job("c", List.of(new SourceFile("main.c", "int main(){}".getBytes(StandardCharsets.UTF_8))), "", List.of());
        String compiles = text(StubScript.request(c, CodeLimits.defaults(), null, true, true));
        String cached = text(StubScript.request(c, CodeLimits.defaults(), new byte[] {'T', 'A', 'R'}, false, true));

        assertThat(compiles).contains("printf 'C\\n'", "gcc -std=gnu17", "tar -cf /tmp/.a .");
        assertThat(cached).contains("tar -xf /tmp/.a", "printf 'K = 0 0\\n'").doesNotContain("gcc").endsWith("TAR");
    }
}
