package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigureCommandTest {
    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("config.yaml");
    }

    @Test
    void configurePromptsForEndpointAndKeyAndWritesAPrivateFile() throws Exception {
        CliHarness.Result result = new CliHarness(dir).stdin("https://errand.example.com\nerk_abcdefgh12345678\n").run("configure");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("Errand endpoint [http://127.0.0.1:7878]: ").contains("API key [not set]: ")
                .contains("✓ saved " + config());
        assertThat(CliConfig.load(config())).isEqualTo(new CliConfig("https://errand.example.com", "erk_abcdefgh12345678"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config()))).isEqualTo("rw-------");
    }

    @Test
    void emptyAnswersKeepTheCurrentValues() {
        new CliConfig("https://old.example.com", "erk_oldoldoldold1234").save(config());

        CliHarness.Result result = new CliHarness(dir).stdin("\n\n").run("configure");

        assertThat(result.err()).contains("Errand endpoint [https://old.example.com]: ").contains("API key [erk_…1234]: ");
        assertThat(CliConfig.load(config())).isEqualTo(new CliConfig("https://old.example.com", "erk_oldoldoldold1234"));
    }

    @Test
    void flagsConfigureWithoutPromptingAndChangeOnlyWhatIsGiven() {
        new CliConfig("https://old.example.com", "erk_old").save(config());

        CliHarness.Result result = new CliHarness(dir).run("configure", "--api-key", "erk_new");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).doesNotContain("[");
        assertThat(CliConfig.load(config())).isEqualTo(new CliConfig("https://old.example.com", "erk_new"));
    }

    @Test
    void theKeyCanComeFromStdin() {
        new CliHarness(dir).stdin("erk_piped\n").run("configure", "--endpoint", "http://localhost:9000", "--api-key-stdin");

        assertThat(CliConfig.load(config())).isEqualTo(new CliConfig("http://localhost:9000", "erk_piped"));
    }

    @Test
    void plainHttpToARemoteHostIsRefusedAndNothingIsWritten() {
        CliHarness.Result result = new CliHarness(dir).run("configure", "--endpoint", "http://errand.example.com", "--api-key", "erk_x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("refusing plain http:// to errand.example.com");
        assertThat(config()).doesNotExist();
    }

    @Test
    void aKeyOfTheWrongShapeIsSavedWithAWarning() {
        CliHarness.Result result = new CliHarness(dir).run("configure", "--api-key", "sk-123");

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).contains("⚠ that API key does not start with erk_; saved anyway");
    }
}
