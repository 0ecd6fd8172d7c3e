package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped catalogue and the rules every entry follows. */
class LanguageCatalogueTest {
    final LanguageCatalogue catalogue = LanguageCatalogue.load();

    @Test
    void theCatalogueHasAtLeastFortyFiveLanguagesWithPackagesFilesAndCommands() {
        assertThat(catalogue.all()).hasSizeGreaterThanOrEqualTo(45);
        for (Language l : catalogue.all()) {
            assertThat(l.packages()).as(l.id()).isNotEmpty();
            assertThat(l.run()).as(l.id()).isNotBlank();
            assertThat(l.versionCommand()).as(l.id()).isNotBlank();
            assertThat(SourceNames.valid(l.file())).as(l.id()).isTrue();
        }
    }

    @Test
    void theLanguagesTheIssueNamesAreAllThere() {
        for (String name : List.of("python", "javascript", "typescript", "java", "kotlin", "scala", "groovy", "c", "cpp",
                "csharp", "go", "rust", "ruby", "perl", "php", "lua", "bash", "r", "octave", "haskell", "ocaml", "erlang",
                "elixir", "clojure", "commonlisp", "scheme", "racket", "fortran", "pascal", "cobol", "d", "nim",
                "crystal", "tcl", "awk", "sqlite", "prolog", "ada")) {
            assertThat(catalogue.find(name)).as(name).isPresent();
        }
    }

    @Test
    void everyLanguageHasSamplePrograms() throws Exception {
        Map<String, Samples> samples = Samples.load();
        for (Language l : catalogue.all()) {
            Samples s = samples.get(l.id());
            assertThat(s).as("samples.yaml entry for " + l.id()).isNotNull();
            assertThat(s.hello()).as(l.id()).isNotBlank();
            assertThat(s.timeout()).as(l.id()).isNotBlank();
            assertThat(s.compileError() != null).as(l.id() + " has a compile_error sample exactly when compiled")
                    .isEqualTo(l.compiled());
        }
    }

    @Test
    void scriptsInstallLanguagesReadsEveryLanguagesPackagesFromTheCatalogue() throws Exception {
        Process p = new ProcessBuilder("bash", "../scripts/install-languages", "--list").redirectErrorStream(true).start();
        String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor()).as(listed).isZero();
        assertThat(listed.lines().toList()).containsExactlyElementsOf(catalogue.all().stream()
                .map(l -> l.id() + " " + String.join(" ", l.packages())).toList());
    }

    @Test
    void namesAndAliasesAreFoundCaseInsensitively() {
        assertThat(catalogue.find("Python").orElseThrow().id()).isEqualTo("python");
        assertThat(catalogue.find("node").orElseThrow().id()).isEqualTo("javascript");
        assertThat(catalogue.find("c++").orElseThrow().id()).isEqualTo("cpp");
        assertThat(catalogue.find("cobolt")).isEmpty();
    }

    @Test
    void closeMatchesSuggestNamesWithinTwoEditsOrSharingAPrefix() {
        assertThat(catalogue.closeMatches("pyhton")).contains("python");
        assertThat(catalogue.closeMatches("javascrpt")).contains("javascript");
        assertThat(catalogue.closeMatches("rub")).contains("ruby");
        assertThat(catalogue.closeMatches("zzzzzzzz")).isEmpty();
    }

    @Test
    void programsAreTheFirstWordsOfEachCompileAndRunCommand() {
        assertThat(catalogue.find("assembly").orElseThrow().programs()).containsExactly("nasm", "ld");
        assertThat(catalogue.find("c").orElseThrow().programs()).containsExactly("gcc");
        assertThat(catalogue.find("python").orElseThrow().programs()).containsExactly("python3");
    }

    @Test
    void placeholdersExpandToTheMainFileItsStemAndTheMemoryLimit() {
        Language java = catalogue.find("java").orElseThrow();
        assertThat(java.runCommand("Hello.java", 300)).contains("-Xmx300m").endsWith("-cp . Hello");
    }

    @Test
    void aCatalogueWithAnUnknownKeyOrTwoEntriesClaimingOneNameIsRefused() {
        String unknownKey = "languages:\n  - {id: a, name: A, version: '1', packages: [a], file: a.a, run: a, version_command: a, colour: red}\n";
        String clash = "languages:\n  - {id: a, name: A, version: '1', packages: [a], file: a.a, run: a, version_command: a}\n"
                + "  - {id: b, name: B, aliases: [a], version: '1', packages: [b], file: b.b, run: b, version_command: b}\n";
        assertThatThrownBy(() -> LanguageCatalogue.parse(stream(unknownKey))).hasMessageContaining("colour");
        assertThatThrownBy(() -> LanguageCatalogue.parse(stream(clash))).hasMessageContaining("claimed by two");
    }

    @Test
    void aRunCommandWithShellOperatorsIsRefused() {
        String yaml = "languages:\n  - {id: a, name: A, version: '1', packages: [a], file: a.a, run: 'a; rm x', version_command: a}\n";
        assertThatThrownBy(() -> LanguageCatalogue.parse(stream(yaml))).hasMessageContaining("simple command");
    }

    static ByteArrayInputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
