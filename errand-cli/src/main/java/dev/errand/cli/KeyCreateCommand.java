package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.CreateKeyRequest;
import dev.errand.protocol.NewKeyView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code errand keys create NAME}: a new key for yourself. The key goes to stdout (and only
 * there, this once), so {@code errand keys create ci > ci.key} works; {@code --save} puts it in
 * the config file instead.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create an API key for yourself. It is printed on stdout once and never shown again."})
final class KeyCreateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "A name for the key, such as laptop or ci (1 to 64 of A-Z a-z 0-9 . _ - @).")
    String name;

    @Option(names = "--expires-in", paramLabel = "DURATION", converter = DurationOption.class,
            description = "The key stops working after this long: 90d, 12h, ... (default: never).")
    Duration expiresIn;

    @Option(names = "--save", description = "Save the new key in the config file (replacing the current one) instead of printing it.")
    boolean save;

    private final CliEnvironment env;

    KeyCreateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.KEYS, new CreateKeyRequest(name, expiresIn == null ? null : expiresIn.toSeconds()));
        NewKeyView view = api.convert(node, NewKeyView.class);
        String expiry = view.key().expiresAt() == null ? "never expires" : "expires " + IdentityText.when(view.key().expiresAt());
        session.messages().success("created key " + view.key().name() + " (" + view.key().id() + "); it " + expiry);
        if (save) {
            Path path = session.configPath();
            CliConfig.load(path).withEndpoint(api.endpoint().toString()).withApiKey(view.apiKey()).save(path);
            session.messages().success("saved it in " + path);
        }
        if (global.json) {
            session.printJson(node);
        } else if (!save) {
            env.out().println(view.apiKey());
            session.messages().warn("the key is shown only now");
        }
        return ExitCodes.OK;
    }
}
