package dev.errand.cli;

import dev.errand.playbook.DurationText;
import dev.errand.playbook.Playbook;
import dev.errand.protocol.PlaybookParam;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code errand playbook show NAME}: everything the playbook would run with. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a playbook: image, command, env, secrets, git, lock, params.")
final class PlaybookShowCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Parameters(paramLabel = "NAME", description = "The playbook's name (its file name without .yaml).")
    String name;

    @Option(names = "--dir", paramLabel = "DIR", description = "Read playbooks from this directory instead.")
    Path dir;

    private final CliEnvironment env;

    PlaybookShowCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        Playbook p = Playbooks.find(Playbooks.dir(env, dir), name);
        PrintWriter out = env.out();
        Ansi a = session.outAnsi();
        Fields.print(out, a, "Name", p.name());
        Fields.print(out, a, "File", p.file());
        Fields.print(out, a, "Description", p.description());
        Fields.print(out, a, "Image", p.image() == null ? "(the server's default)" : p.image());
        Fields.print(out, a, "Command", p.command());
        p.env().forEach((k, v) -> Fields.print(out, a, "Env", k + "=" + v));
        Fields.print(out, a, "Secrets", p.secrets().isEmpty() ? null : String.join(", ", p.secrets()));
        if (p.git() != null) {
            Fields.print(out, a, "Git", p.git().repo() + (p.git().ref() == null ? "" : " @ " + p.git().ref())
                    + (p.git().path() == null ? "" : " in " + p.git().path()));
        }
        Fields.print(out, a, "Timeout", p.timeoutSeconds() == null ? null : DurationText.formatSeconds(p.timeoutSeconds()));
        Fields.print(out, a, "Lock", p.lock() == null ? null : p.lock() + (p.lockMode() == null ? "" : " (" + p.lockMode() + ")"));
        for (PlaybookParam param : p.params()) {
            Fields.print(out, a, "Param", param.name() + (param.required() ? " (required)" : "")
                    + (param.defaultValue() == null ? "" : " default " + param.defaultValue())
                    + (param.description() == null ? "" : ": " + param.description()));
        }
        return ExitCodes.OK;
    }
}
