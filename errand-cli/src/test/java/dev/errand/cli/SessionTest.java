package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final GlobalOptions flags = new GlobalOptions();

    @BeforeEach
    void writeConfigFile() {
        env.put("ERRAND_CONFIG", dir.resolve("config.yaml").toString());
        new CliConfig("https://file.example.com", "erk_file").save(dir.resolve("config.yaml"));
    }

    private Session session() {
        return new Session(CliEnvironment.of(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new BufferedReader(new StringReader("")), env), flags);
    }

    @Test
    void flagsWinOverVariablesWhichWinOverTheFileWhichWinsOverTheDefault() {
        assertThat(session().endpoint().toString()).isEqualTo("https://file.example.com");
        assertThat(session().apiKey()).isEqualTo("erk_file");

        env.put("ERRAND_ENDPOINT", "https://env.example.com/");
        env.put("ERRAND_API_KEY", "erk_env");
        assertThat(session().endpoint().toString()).isEqualTo("https://env.example.com");
        assertThat(session().apiKey()).isEqualTo("erk_env");

        flags.endpoint = "https://flag.example.com";
        flags.apiKey = "erk_flag";
        assertThat(session().endpoint().toString()).isEqualTo("https://flag.example.com");
        assertThat(session().apiKey()).isEqualTo("erk_flag");
    }

    @Test
    void withoutFlagsVariablesOrFileTheEndpointIsTheLocalDefaultAndThereIsNoKey() {
        env.put("ERRAND_CONFIG", dir.resolve("absent.yaml").toString());

        assertThat(session().endpoint().toString()).isEqualTo("http://127.0.0.1:7878");
        assertThat(session().apiKey()).isNull();
        assertThatThrownBy(() -> session().api())
                .isInstanceOfSatisfying(ErrandException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHENTICATED));
    }

    @Test
    void theConfigFlagChoosesTheFile() {
        Path other = dir.resolve("other.yaml");
        new CliConfig("https://other.example.com", "erk_other").save(other);
        flags.config = other;

        assertThat(session().endpoint().toString()).isEqualTo("https://other.example.com");
    }

    @Test
    void theFileIsNotReadWhenFlagsAndVariablesSupplyEverything() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "- not: [valid config");
        env.put("ERRAND_ENDPOINT", "https://env.example.com");
        flags.apiKey = "erk_flag";

        assertThat(session().endpoint().toString()).isEqualTo("https://env.example.com");
        assertThat(session().apiKey()).isEqualTo("erk_flag");
    }
}
