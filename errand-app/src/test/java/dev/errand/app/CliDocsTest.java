package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CliDocsTest {
    @Test
    void theCommittedCliReferenceMatchesTheCommands() throws Exception {
        Path doc = Path.of("..", "docs", "cli.md");
        String expected = CliDocs.render();
        String actual = Files.exists(doc) ? Files.readString(doc, StandardCharsets.UTF_8) : "";
        assertThat(actual)
                .as("docs/cli.md is stale: regenerate it with"
                        + " java -cp errand-app/target/errand.jar dev.errand.app.CliDocs docs/cli.md")
                .isEqualTo(expected);
    }

    @Test
    void everyCommandIsDocumented() {
        String doc = CliDocs.render();
        for (String command : new String[] {"configure", "run", "logs", "status", "list", "kill", "health", "version", "server"}) {
            assertThat(doc).contains("### `errand " + command + "`");
        }
    }
}
