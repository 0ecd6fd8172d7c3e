package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.ClaimTokenView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code errand users reissue USER}: a new claim token; earlier unused ones stop working. */
@Command(name = "reissue", mixinStandardHelpOptions = true,
        description = {"Issue a new claim token for a user whose token expired or who lost their key;"
            + " earlier unused tokens stop working."})
final class UserReissueCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "USER", description = "The user's email or id (usr_...).")
    String user;

    private final CliEnvironment env;

    UserReissueCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.post(ApiPaths.user(UrlText.segment(user)) + "/claim-tokens", null);
        if (global.json) {
            session.printJson(node);
        } else {
            IdentityText.invitation(session, api, api.convert(node, ClaimTokenView.class));
        }
        return ExitCodes.OK;
    }
}
