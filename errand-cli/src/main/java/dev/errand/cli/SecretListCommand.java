package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.SecretList;
import dev.errand.protocol.SecretView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand secrets list}: every secret's name, variable and description; never values. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List secrets (names and variables, never values).")
final class SecretListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    SecretListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.SECRETS);
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        SecretList list = api.convert(node, SecretList.class);
        if (list.items().isEmpty()) {
            session.messages().info("no secrets yet: create one with 'errand secrets create NAME --env-name VAR'");
            return ExitCodes.OK;
        }
        Table table = new Table("NAME", "ENV", "ROLES", "DESCRIPTION", "UPDATED BY", "UPDATED");
        for (SecretView s : list.items()) {
            table.row(s.name(), s.envName(), s.roles().isEmpty() ? "any" : String.join(",", s.roles()),
                    s.description() == null ? null : Table.cut(s.description(), 40), s.updatedBy(),
                    TimeText.seconds(s.updatedAt()));
        }
        table.print(env.out(), session.outAnsi());
        return ExitCodes.OK;
    }
}
