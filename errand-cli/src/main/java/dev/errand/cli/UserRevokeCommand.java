package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.UserView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand users revoke USER}: every key of the account stops working at once. */
@Command(name = "revoke", mixinStandardHelpOptions = true,
        description = {"Revoke a user: all their keys stop working at once. The account and its history are kept;"
            + " the email can be created again. The last admin cannot be revoked."})
final class UserRevokeCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "USER", description = "The user's email or id (usr_...).")
    String user;

    private final CliEnvironment env;

    UserRevokeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.user(UrlText.segment(user)) + "/revoke", null);
        UserView view = api.convert(node, UserView.class);
        session.messages().success("revoked " + view.email() + " (" + view.id() + "): every key of theirs stopped working");
        if (global.json) {
            session.printJson(node);
        }
        return ExitCodes.OK;
    }
}
