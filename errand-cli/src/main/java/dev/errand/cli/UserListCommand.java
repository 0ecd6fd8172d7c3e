package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.UserPage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code errand users list}: accounts as a table, sorted by email. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List user accounts with role, status and key use.")
final class UserListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Option(names = "--all", description = "Include revoked accounts (a re-created email shows each account).")
    boolean all;

    private final CliEnvironment env;

    UserListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(new UrlText.Query().add("all", all ? "true" : null).on(ApiPaths.USERS));
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        UserPage page = api.convert(node, UserPage.class);
        if (page.items().isEmpty()) {
            session.messages().info("no users found");
        } else {
            IdentityText.users(session, page.items());
        }
        return ExitCodes.OK;
    }
}
