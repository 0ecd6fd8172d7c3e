package dev.errand.cli;

import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The CLI's config file: a YAML map with the keys {@code endpoint} and {@code api_key}.
 * It lives at {@link #defaultPath(Map)} unless {@code --config} says otherwise; flags and
 * {@code ERRAND_ENDPOINT}/{@code ERRAND_API_KEY} take precedence over it. The server's
 * {@code --configure-cli} writes it with {@code CliConfig.load(p).withEndpoint(e).withApiKey(k).save(p)}.
 *
 * @param endpoint the server URL such as {@code https://errand.example.com}, or null if unset
 * @param apiKey the API key ({@code erk_...}), or null if unset
 */
public record CliConfig(String endpoint, String apiKey) {

    /** The file name inside the {@code errand} config directory. */
    public static final String FILE_NAME = "config.yaml";

    /** Normalises blank values to null. */
    public CliConfig {
        endpoint = blankToNull(endpoint);
        apiKey = blankToNull(apiKey);
    }

    /** @return a config with neither value set */
    public static CliConfig empty() {
        return new CliConfig(null, null);
    }

    /**
     * Computes where the config file lives:
     * {@code ${ERRAND_CONFIG:-${XDG_CONFIG_HOME:-$HOME/.config}/errand/config.yaml}}.
     * A relative {@code XDG_CONFIG_HOME} is ignored, as the XDG spec requires; without
     * {@code HOME} the JVM's {@code user.home} is used.
     *
     * @param env the environment variables
     * @return the config file path (it may not exist)
     */
    public static Path defaultPath(Map<String, String> env) {
        String explicit = blankToNull(env.get("ERRAND_CONFIG"));
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = blankToNull(env.get("XDG_CONFIG_HOME"));
        if (xdg != null && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "errand", FILE_NAME);
        }
        String home = blankToNull(env.get("HOME"));
        return Path.of(home != null ? home : System.getProperty("user.home"), ".config", "errand", FILE_NAME);
    }

    /**
     * Reads a config file; a missing file is an empty config.
     *
     * @param path the file
     * @return the values it holds
     * @throws ErrandException {@link ErrorCode#INVALID_REQUEST} when the file is not a YAML map,
     *     {@link ErrorCode#INTERNAL} when it cannot be read
     */
    public static CliConfig load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return empty();
        } catch (IOException e) {
            throw new ErrandException(ErrorCode.INTERNAL, "cannot read the config file " + path + ": " + e.getMessage(), e);
        }
        Map<String, String> values = ConfigYaml.parse(text, path);
        return new CliConfig(values.get("endpoint"), values.get("api_key"));
    }

    /**
     * Writes this config atomically: the directory is created with mode 0700 if missing, the
     * file is written to a 0600 temporary file beside it and moved over the old one.
     *
     * @param path the file to (re)write
     * @throws ErrandException {@link ErrorCode#INTERNAL} when it cannot be written
     */
    public void save(Path path) {
        try {
            ConfigYaml.write(path, this);
        } catch (IOException e) {
            throw new ErrandException(ErrorCode.INTERNAL, "cannot write the config file " + path + ": " + e.getMessage(), e);
        }
    }

    /** @return a copy with the endpoint replaced */
    public CliConfig withEndpoint(String newEndpoint) {
        return new CliConfig(newEndpoint, apiKey);
    }

    /** @return a copy with the API key replaced */
    public CliConfig withApiKey(String newApiKey) {
        return new CliConfig(endpoint, newApiKey);
    }

    /** Keeps the key out of logs and exception messages. */
    @Override
    public String toString() {
        return "CliConfig[endpoint=" + endpoint + ", apiKey=" + (apiKey == null ? "null" : "(set)") + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
