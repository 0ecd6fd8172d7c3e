package dev.errand.server.code;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The language catalogue, read from the YAML resource {@link #RESOURCE}. Immutable and
 * thread-safe.
 */
public final class LanguageCatalogue {
    /** The classpath resource holding the catalogue. */
    public static final String RESOURCE = "/code/languages.yaml";
    /** The classpath folder of the launchers a {@code preload} line names with {@code @NAME}. */
    public static final String PRELOAD_DIR = "/code/preload/";
    private final List<Language> languages;

    private LanguageCatalogue(List<Language> languages) {
        this.languages = List.copyOf(languages);
    }

    /** The YAML shape of the file; converted to validated {@link Language}s. */
    private record File(List<Entry> languages) {}

    private record Entry(String id, String name, List<String> aliases, String version, List<String> packages,
            String file, String compile, String run, String versionCommand, List<String> paths,
            Map<String, String> env, Integer memoryOverheadMb, Boolean cache, Integer compileTimeoutMs,
            String preload) {
        Language toLanguage() {
            boolean compiled = compile != null && !compile.isBlank();
            return new Language(id, name, aliases, version, packages, file, compile, run, versionCommand,
                    paths == null ? List.of() : paths.stream().map(Path::of).toList(), env,
                    memoryOverheadMb == null ? 0 : memoryOverheadMb, compiled && (cache == null || cache),
                    compileTimeoutMs == null ? 0 : compileTimeoutMs, preloadCommand(id, preload));
        }
    }

    /**
     * Splits a {@code preload} line on spaces and replaces each {@code @NAME} word with the text
     * of the resource {@value #PRELOAD_DIR}NAME.
     *
     * @throws IllegalArgumentException when a named launcher is missing
     */
    private static List<String> preloadCommand(String id, String preload) {
        if (preload == null || preload.isBlank()) {
            return List.of();
        }
        List<String> argv = new ArrayList<>();
        for (String word : preload.strip().split("\\s+")) {
            if (!word.startsWith("@")) {
                argv.add(word);
                continue;
            }
            try (InputStream in = LanguageCatalogue.class.getResourceAsStream(PRELOAD_DIR + word.substring(1))) {
                if (in == null) {
                    throw new IllegalArgumentException(id + ": preload names a missing launcher " + PRELOAD_DIR
                            + word.substring(1));
                }
                argv.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return argv;
    }

    /**
     * @return the catalogue shipped in the server jar
     * @throws IllegalStateException when the resource is missing or invalid (a build error)
     */
    public static LanguageCatalogue load() {
        try (InputStream in = LanguageCatalogue.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the language catalogue " + RESOURCE + " is missing from the jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param yaml the catalogue document
     * @return the catalogue
     * @throws IOException when it is not valid YAML of the right shape (unknown keys are errors)
     * @throws IllegalArgumentException when an entry is invalid or two entries claim one name
     */
    public static LanguageCatalogue parse(InputStream yaml) throws IOException {
        JsonMapper mapper = JsonMapper.builder(new YAMLFactory())
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        File file = mapper.readValue(yaml, File.class);
        List<Language> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Entry e : file.languages()) {
            Language l = e.toLanguage();
            for (String n : names(l)) {
                if (!names.add(n)) {
                    throw new IllegalArgumentException("the name '" + n + "' is claimed by two languages");
                }
            }
            out.add(l);
        }
        return new LanguageCatalogue(out);
    }

    private static List<String> names(Language l) {
        List<String> n = new ArrayList<>(List.of(l.id()));
        l.aliases().forEach(a -> n.add(a.toLowerCase(Locale.ROOT)));
        return n;
    }

    /** @return every language, in catalogue order */
    public List<Language> all() {
        return languages;
    }

    /** @return the language with this id or alias (case-insensitive) */
    public Optional<Language> find(String name) {
        return languages.stream().filter(l -> l.answersTo(name.strip())).findFirst();
    }

    /**
     * @param name an unknown name
     * @return up to five ids whose id or an alias is close to {@code name} (edit distance at most
     *     2, or one starts with the other), closest first
     */
    public List<String> closeMatches(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        record Scored(String id, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (Language l : languages) {
            int best = Integer.MAX_VALUE;
            for (String n : names(l)) {
                int d = EditDistance.between(wanted, n);
                if (!wanted.isEmpty() && (n.startsWith(wanted) || wanted.startsWith(n))) {
                    d = Math.min(d, 1);
                }
                best = Math.min(best, d);
            }
            if (best <= 2) {
                scored.add(new Scored(l.id(), best));
            }
        }
        return scored.stream().sorted(Comparator.comparingInt(Scored::distance)).limit(5).map(Scored::id).toList();
    }
}
