package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlatYamlTest {
    @Test
    void flatMapsOfSimpleScalarsAreReadWithCommentsMarkersAndNullsSkipped() {
        assertThat(FlatYaml.parse("""
                # written by errand configure
                ---
                endpoint: https://e.example.com/x  # trailing comment
                api_key: 'erk_1'
                other: "two words"
                empty:
                gone: ~
                nothing: NULL
                """)).isEqualTo(Map.of("endpoint", "https://e.example.com/x", "api_key", "erk_1", "other", "two words"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a:\n  nested: 1\n", "{a: 1}\n", "a: [1, 2]\n", "a: &x 1\n", "a: \"esc\\\"aped\"\n", "a: 'it''s'\n",
        "a: |\n  block\n", "- item\n", "a: 1\na: 2\n", "a: b: c\n", "  a: 1\n"})
    void anythingElseIsLeftToTheRealYamlParser(String text) {
        assertThat(FlatYaml.parse(text)).isNull();
    }
}
