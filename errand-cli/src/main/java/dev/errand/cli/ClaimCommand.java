package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ClaimRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.NewKeyView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code errand claim TOKEN}: redeems a claim token for a new API key and stores the key and the
 * endpoint in the config file (public route; needs no key). If the file cannot be written, the
 * key is printed instead, so it is never lost.
 */
@Command(name = "claim", mixinStandardHelpOptions = true,
        description = {"Redeem the claim token an admin gave you for your own API key.",
            "The key is saved, with the endpoint, in the config file. The token works once, within 15 minutes."})
final class ClaimCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "TOKEN", description = "The claim token (erc_...).")
    String token;

    @Option(names = "--key-name", paramLabel = "NAME",
            description = "A name for the new key (default: this machine's host name).")
    String keyName;

    @Option(names = "--no-save", description = "Print the key on stdout instead of saving it in the config file.")
    boolean noSave;

    private final CliEnvironment env;

    ClaimCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.publicApi(Duration.ofSeconds(30));
        JsonNode node = api.post(ApiPaths.CLAIM, new ClaimRequest(token.strip(), keyName != null ? keyName : hostName()));
        NewKeyView view = api.convert(node, NewKeyView.class);
        boolean saved = !noSave && save(session, api, view.apiKey());
        if (global.json) {
            session.printJson(node);
        } else {
            IdentityText.field(env.out(), session.outAnsi(), "User", view.user().email());
            IdentityText.field(env.out(), session.outAnsi(), "Role", view.user().role());
            IdentityText.field(env.out(), session.outAnsi(), "Key", view.key().name() + " (" + view.key().id() + ")");
            if (!saved) {
                env.out().println(view.apiKey());
            }
        }
        return ExitCodes.OK;
    }

    private boolean save(Session session, ApiClient api, String apiKey) {
        Path path = session.configPath();
        try {
            CliConfig.load(path).withEndpoint(api.endpoint().toString()).withApiKey(apiKey).save(path);
            session.messages().success("saved your API key for " + api.endpoint() + " in " + path);
            return true;
        } catch (ErrandException e) {
            session.messages().warn("could not save the key (" + e.getMessage() + "); here it is, shown only now:");
            return false;
        }
    }

    /** @return the host name shaped as a key name, or {@code cli} */
    private String hostName() {
        String name = env.variable("HOSTNAME");
        if (name == null) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            } catch (IOException | RuntimeException e) {
                name = null;
            }
        }
        String shaped = name == null ? "" : name.replaceAll("[^A-Za-z0-9._@-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return shaped.isEmpty() ? "cli" : shaped.substring(0, Math.min(64, shaped.length()));
    }
}
