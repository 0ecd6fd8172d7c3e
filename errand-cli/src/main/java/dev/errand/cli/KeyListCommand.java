package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.KeyPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand keys list}: your keys, or with {@code --all}/{@code --user} (admin) other people's. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List API keys: names, status, expiry and last use. Never the keys themselves.")
final class KeyListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--all", description = "Everyone's keys (admin; other roles still see only their own).")
    boolean all;

    @Option(names = "--user", paramLabel = "USER", description = "One user's keys, by email or id (admin).")
    String user;

    @Option(names = "--revoked", description = "Include revoked keys.")
    boolean revoked;

    private final CliEnvironment env;

    KeyListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(new UrlText.Query().add("all", all ? "true" : null).add("user", user)
                .add("include_revoked", revoked ? "true" : null).on(ApiPaths.KEYS));
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        KeyPage page = api.convert(node, KeyPage.class);
        if (page.items().isEmpty()) {
            session.messages().info("no keys found");
        } else {
            IdentityText.keys(session, page.items());
        }
        return ExitCodes.OK;
    }
}
