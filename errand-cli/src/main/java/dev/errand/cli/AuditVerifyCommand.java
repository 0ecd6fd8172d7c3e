package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.ApiPaths;
import dev.errand.protocol.AuditVerification;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code errand audit verify}: checks the hash chain; exits 1 and names the first broken link if it is not intact. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Check the audit trail's hash chain. Exits 0 when intact; otherwise prints the first broken"
            + " link (an entry altered, removed, or cut from the end) and exits 1."})
final class AuditVerifyCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    private final CliEnvironment env;

    AuditVerifyCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode node = api.get(ApiPaths.AUDIT_VERIFY);
        AuditVerification v = api.convert(node, AuditVerification.class);
        if (global.json) {
            session.printJson(node);
        } else {
            Ansi ansi = session.outAnsi();
            IdentityText.field(env.out(), ansi, "Intact", v.intact() ? ansi.green("yes") : ansi.red("no"));
            IdentityText.field(env.out(), ansi, "Entries checked", Long.toString(v.entries()));
            IdentityText.field(env.out(), ansi, "Head", "#" + v.headSeq() + " " + v.headHash());
            if (v.broken() != null) {
                IdentityText.field(env.out(), ansi, "First broken link", "#" + v.broken().seq() + ": " + v.broken().reason());
            }
        }
        if (!v.intact()) {
            session.messages().failure("the audit chain is broken at entry " + v.broken().seq() + ": " + v.broken().reason());
            return ExitCodes.ERROR;
        }
        session.messages().success("the audit chain is intact (" + v.entries() + " entries)");
        return ExitCodes.OK;
    }
}
