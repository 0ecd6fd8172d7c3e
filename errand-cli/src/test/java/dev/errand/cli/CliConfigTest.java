package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
    @TempDir
    Path dir;

    @Test
    void theDefaultPathFollowsErrandConfigThenXdgThenHome() {
        assertThat(CliConfig.defaultPath(Map.of("ERRAND_CONFIG", "/etc/e.yaml", "XDG_CONFIG_HOME", "/x", "HOME", "/h")))
                .isEqualTo(Path.of("/etc/e.yaml"));
        assertThat(CliConfig.defaultPath(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h"))).isEqualTo(Path.of("/x/errand/config.yaml"));
        assertThat(CliConfig.defaultPath(Map.of("XDG_CONFIG_HOME", "relative", "HOME", "/h")))
                .isEqualTo(Path.of("/h/.config/errand/config.yaml"));
        assertThat(CliConfig.defaultPath(Map.of("ERRAND_CONFIG", "", "HOME", "/h"))).isEqualTo(Path.of("/h/.config/errand/config.yaml"));
    }

    @Test
    void saveCreatesAPrivateDirectoryAndFileAndLoadReadsThemBack() throws Exception {
        Path path = dir.resolve("new/errand/config.yaml");

        new CliConfig("https://errand.example.com", "erk_secret").save(path);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(CliConfig.load(path)).isEqualTo(new CliConfig("https://errand.example.com", "erk_secret"));
        assertThat(Files.list(path.getParent())).containsExactly(path);
    }

    @Test
    void saveKeepsKeysAddedByOtherVersionsAndDropsUnsetValues() throws Exception {
        Path path = dir.resolve("config.yaml");
        Files.writeString(path, "endpoint: https://a.example.com\napi_key: erk_a\nplaybooks_dir: /srv/playbooks\n");

        new CliConfig("https://b.example.com", null).save(path);

        assertThat(Files.readString(path)).contains("playbooks_dir").doesNotContain("api_key");
        assertThat(CliConfig.load(path)).isEqualTo(new CliConfig("https://b.example.com", null));
    }

    @Test
    void aMissingFileIsAnEmptyConfig() {
        assertThat(CliConfig.load(dir.resolve("absent.yaml"))).isEqualTo(CliConfig.empty());
    }

    @Test
    void handWrittenYamlIsReadWhetherPlainQuotedCommentedOrNested() throws Exception {
        Path path = dir.resolve("config.yaml");
        Files.writeString(path, "# mine\n---\nendpoint: 'https://q.example.com'  # prod\napi_key: \"erk_q\"\n");
        assertThat(CliConfig.load(path)).isEqualTo(new CliConfig("https://q.example.com", "erk_q"));

        Files.writeString(path, "{endpoint: \"https://flow.example.com\", api_key: erk_flow}\n");
        assertThat(CliConfig.load(path)).isEqualTo(new CliConfig("https://flow.example.com", "erk_flow"));

        Files.writeString(path, "endpoint: >-\n  https://folded.example.com\nextra:\n  nested: true\n");
        assertThat(CliConfig.load(path)).isEqualTo(new CliConfig("https://folded.example.com", null));
    }

    @Test
    void aFileThatIsNotAYamlMapIsAUsageError() throws Exception {
        Path path = dir.resolve("config.yaml");
        Files.writeString(path, "- just\n- a list\n");

        assertThatThrownBy(() -> CliConfig.load(path))
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("must be a YAML map");
    }

    @Test
    void toStringNeverShowsTheKey() {
        assertThat(new CliConfig("https://e", "erk_secret").toString()).doesNotContain("erk_secret");
    }

    @Test
    void theFastReaderHandlesWhatTheWriterWritesWithoutTheYamlLibrary() throws Exception {
        Path path = dir.resolve("config.yaml");
        new CliConfig("http://127.0.0.1:7878/errand", "erk_AbC-_123").save(path);

        assertThat(FlatYaml.parse(Files.readString(path)))
                .isEqualTo(Map.of("endpoint", "http://127.0.0.1:7878/errand", "api_key", "erk_AbC-_123"));
    }
}
