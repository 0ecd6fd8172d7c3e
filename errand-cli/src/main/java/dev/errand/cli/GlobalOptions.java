package dev.errand.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options every command takes, mixed in with {@code @Mixin}. Values given here win over
 * {@code ERRAND_*} variables, which win over the config file, which wins over the defaults.
 */
final class GlobalOptions {
    @Option(names = "--endpoint", paramLabel = "URL",
            description = "Errand server URL. Default: $ERRAND_ENDPOINT, then the config file, then " + Endpoint.DEFAULT
                    + ". Plain http:// is refused for hosts other than loopback unless ERRAND_INSECURE_HTTP=1.")
    String endpoint;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "API key (erk_...). Discouraged: it shows in the process list and shell history;"
                    + " prefer 'errand configure' or $ERRAND_API_KEY.")
    String apiKey;

    @Option(names = "--json",
            description = "Print machine-readable JSON on stdout: the API object, or one JSON object per line for streams.")
    boolean json;

    @Option(names = "--config", paramLabel = "PATH",
            description = "Config file. Default: $ERRAND_CONFIG, else $XDG_CONFIG_HOME/errand/config.yaml,"
                    + " else ~/.config/errand/config.yaml.")
    Path config;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress on stderr; warnings and errors still show.")
    boolean quiet;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors (also ERRAND_DEBUG=1).")
    boolean debug;
}
