package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.SetRoleRequest;
import dev.errand.protocol.UserView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand users set-role USER ROLE}: the new role applies from the user's next request. */
@Command(name = "set-role", mixinStandardHelpOptions = true,
        description = {"Change a user's role; it applies from their next request. The last admin cannot be demoted."})
final class UserSetRoleCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(index = "0", paramLabel = "USER", description = "The user's email or id (usr_...).")
    String user;

    @Parameters(index = "1", paramLabel = "ROLE", description = "admin, operator, developer or viewer.")
    String role;

    private final CliEnvironment env;

    UserSetRoleCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.exchange("PUT", ApiPaths.user(UrlText.segment(user)) + "/role", new SetRoleRequest(role)).body();
        UserView view = api.convert(node, UserView.class);
        session.messages().success(view.email() + " is now " + view.role());
        if (global.json) {
            session.printJson(node);
        }
        return ExitCodes.OK;
    }
}
