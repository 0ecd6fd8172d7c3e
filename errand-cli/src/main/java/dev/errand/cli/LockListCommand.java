package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.LockList;
import dev.errand.protocol.LockView;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand locks list}: held locks, their holders and how many wait. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List held locks, the execution holding each, and how many wait.")
final class LockListCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    LockListCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.LOCKS);
        if (global.json) {
            session.printJson(node);
            return ExitCodes.OK;
        }
        LockList list = api.convert(node, LockList.class);
        if (list.items().isEmpty()) {
            session.messages().info("no lock is held");
            return ExitCodes.OK;
        }
        Table table = new Table("LOCK", "EXECUTION", "USER", "SINCE", "WAITING");
        for (LockView l : list.items()) {
            table.row(l.name(), l.executionId(), l.user(), TimeText.seconds(l.acquiredAt()), Integer.toString(l.waiting()));
        }
        table.print(env.out(), session.outAnsi());
        return ExitCodes.OK;
    }
}
