package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.KeyView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand keys revoke KEY}: the key stops working at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke an API key; it stops working at once. Admins may revoke anyone's key by id."})
final class KeyRevokeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "KEY", description = "The key's id (key_...) or the name of one of your keys.")
    String key;

    private final CliEnvironment env;

    KeyRevokeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.keyRevoke(UrlText.segment(key)), null);
        KeyView view = api.convert(node, KeyView.class);
        session.messages().success("revoked key " + view.name() + " (" + view.id() + ") of " + view.user());
        if (global.json) {
            session.printJson(node);
        }
        return ExitCodes.OK;
    }
}
