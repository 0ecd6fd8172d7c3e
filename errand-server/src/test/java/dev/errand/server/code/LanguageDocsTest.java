package dev.errand.server.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LanguageDocsTest {
    @Test
    void theCommittedLanguageTableMatchesTheCatalogue() throws Exception {
        Path page = Path.of("..", "docs", "code-execution.md");
        String actual = Files.readString(page, StandardCharsets.UTF_8);

        assertThat(actual).as("docs/code-execution.md is stale: regenerate it with java -cp errand-app/target/errand.jar"
                + " dev.errand.server.code.LanguageDocs docs/code-execution.md")
                .isEqualTo(LanguageDocs.update(actual, LanguageCatalogue.load()));
    }

    @Test
    void theTableHasOneRowPerLanguage() {
        LanguageCatalogue catalogue = LanguageCatalogue.load();
        String table = LanguageDocs.table(catalogue);

        assertThat(table.lines().filter(l -> l.startsWith("| `"))).hasSize(catalogue.all().size());
        assertThat(table).contains("| `python` | Python | 3.11 | `main.py` | no | python3 | `py`, `python3` |");
    }

    @Test
    void aPageWithoutTheMarkersIsRefused() {
        assertThatThrownBy(() -> LanguageDocs.update("# nothing", LanguageCatalogue.load()))
                .hasMessageContaining("markers");
    }
}
