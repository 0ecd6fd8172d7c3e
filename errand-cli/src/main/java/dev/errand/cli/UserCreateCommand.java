package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ClaimTokenView;
import dev.errand.protocol.CreateUserRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand users create EMAIL --role ROLE}: a new account and its one-time claim token. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = {"Create a user and print a claim token (single use, valid 15 minutes) to hand over;"
            + " they run 'errand claim TOKEN' to get their API key."})
final class UserCreateCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "EMAIL", description = "The person's email address.")
    String email;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
            description = "admin, operator, developer or viewer (see docs/security.md).")
    String role;

    private final CliEnvironment env;

    UserCreateCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.USERS, new CreateUserRequest(email, role));
        ClaimTokenView view = api.convert(node, ClaimTokenView.class);
        session.messages().success("created " + view.user().email() + " (" + view.user().role() + ")");
        if (global.json) {
            session.printJson(node);
        } else {
            IdentityText.invitation(session, api, view);
        }
        return ExitCodes.OK;
    }
}
