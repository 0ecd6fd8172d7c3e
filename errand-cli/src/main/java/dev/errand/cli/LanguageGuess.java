package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CodePaths;
import dev.errand.protocol.LanguageList;
import dev.errand.protocol.LanguageView;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Guesses a source file's language from its extension, asking the server which languages exist:
 * the first installed language whose file name has that extension wins (catalogue order puts the
 * usual one first: {@code .py} is Python, not PyPy; {@code .pl} is Perl, not Prolog). Stateless.
 */
final class LanguageGuess {
    private LanguageGuess() {}

    /** @return the language id for {@code file}, or empty when no language has its extension */
    static Optional<String> fromFile(ApiClient api, Path file) {
        String ext = extension(file.getFileName().toString());
        if (ext.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node = api.get(CodePaths.LANGUAGES);
        return api.convert(node, LanguageList.class).languages().stream()
                .filter(l -> extension(l.file()).equals(ext))
                .min(Comparator.comparing((LanguageView l) -> !l.installed()))
                .map(LanguageView::id);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
