package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.StandbyLauncher;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installed versions: read from each toolchain's own output, kept across starts while it is unchanged. */
class LanguageVersionsTest {
    static final LanguageCatalogue CATALOGUE = LanguageCatalogue.load();
    @TempDir
    Path dir;

    @Test
    void theFirstDottedNumberOfTheOutputIsTheVersion() {
        assertThat(LanguageVersions.parse("Python 3.11.2")).hasValue("3.11.2");
        assertThat(LanguageVersions.parse("openjdk version \"17.0.15\" 2025-04-15")).hasValue("17.0.15");
        assertThat(LanguageVersions.parse("go version go1.19.8 linux/amd64")).hasValue("1.19.8");
        assertThat(LanguageVersions.parse("25")).hasValue("25");
        assertThat(LanguageVersions.parse("no digits")).isEmpty();
    }

    @Test
    void aRequestedVersionMatchesAsADottedPrefixOfTheDetectedOrCatalogueVersion() {
        LanguageVersions versions = new LanguageVersions();
        Language python = CATALOGUE.find("python").orElseThrow();

        assertThat(versions.matches(python, "3")).isTrue();
        assertThat(versions.matches(python, "3.11")).isTrue();
        assertThat(versions.matches(python, "3.1")).isFalse();
        assertThat(versions.matches(python, "2")).isFalse();
        assertThat(versions.matches(python, "latest")).isTrue();
    }

    @Test
    void theVersionCommandRunsInASandboxAndItsAnswerIsKeptWhileTheFingerprintHolds() {
        Language python = CATALOGUE.find("python").orElseThrow();
        Root host = new Root(Root.HOST, Optional.empty());
        LanguageVersions versions = new LanguageVersions();
        try (StandbyLauncher launcher = new StandbyLauncher()) {
            versions.refresh(launcher, python, host, "fp1", 1 << 20);
        }
        String detected = versions.version(python);
        assertThat(detected).matches("3\\.\\d+\\.\\d+");
        versions.save(dir.resolve("versions.properties"));

        LanguageVersions next = new LanguageVersions();
        next.load(dir.resolve("versions.properties"));
        assertThat(next.version(python)).isEqualTo(detected);
        try (StandbyLauncher closed = new StandbyLauncher()) {
            closed.close();
            next.refresh(closed, python, host, "fp1", 1 << 20);
            assertThat(next.version(python)).as("kept: nothing ran").isEqualTo(detected);
            next.refresh(closed, python, host, "fp2", 1 << 20);
            assertThat(next.version(python)).as("a changed toolchain is asked again").isEqualTo(python.version());
        }
    }
}
