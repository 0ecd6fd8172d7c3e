package dev.errand.cli;

import dev.errand.playbook.DurationText;
import dev.errand.protocol.ClaimTokenView;
import dev.errand.protocol.KeyView;
import dev.errand.protocol.UserView;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** How users, keys and claim tokens are printed: key-value lines and tables on stdout, advice on stderr. */
final class IdentityText {
    private IdentityText() {}

    /** Prints an invitation (new user or reissued token) and tells the admin how to hand it over. */
    static void invitation(Session session, ApiClient api, ClaimTokenView view) {
        PrintWriter out = session.env().out();
        Ansi ansi = session.outAnsi();
        field(out, ansi, "User", view.user().email() + " (" + view.user().id() + ")");
        field(out, ansi, "Role", view.user().role());
        field(out, ansi, "Claim token", view.claimToken());
        field(out, ansi, "Expires", TimeText.seconds(view.expiresAt()) + " UTC (in "
                + DurationText.format(Duration.between(session.env().clock().instant(), view.expiresAt())) + ")");
        Messages m = session.messages();
        m.info("on " + view.user().email() + "'s machine run: errand claim " + view.claimToken() + " --endpoint "
                + api.endpoint());
        m.warn("the claim token is shown only now; it works once, within 15 minutes");
    }

    /** Prints users as a table. */
    static void users(Session session, List<UserView> users) {
        Table t = new Table("EMAIL", "ROLE", "STATUS", "KEYS", "CREATED", "LAST USED", "ID");
        for (UserView u : users) {
            t.row(u.email(), u.role(), u.status(), Integer.toString(u.keys()), TimeText.seconds(u.createdAt()),
                    u.lastUsedAt() == null ? "never" : TimeText.seconds(u.lastUsedAt()), u.id());
        }
        t.print(session.env().out(), session.outAnsi());
    }

    /** Prints keys as a table. */
    static void keys(Session session, List<KeyView> keys) {
        Table t = new Table("ID", "NAME", "USER", "STATUS", "CREATED", "EXPIRES", "LAST USED");
        for (KeyView k : keys) {
            t.row(k.id(), k.name(), k.user(), k.status(), TimeText.seconds(k.createdAt()),
                    k.expiresAt() == null ? "never" : TimeText.seconds(k.expiresAt()),
                    k.lastUsedAt() == null ? "never" : TimeText.seconds(k.lastUsedAt()));
        }
        t.print(session.env().out(), session.outAnsi());
    }

    /** Prints one {@code  Key: value} line; null prints as {@code -}. */
    static void field(PrintWriter out, Ansi ansi, String key, String value) {
        out.println("  " + ansi.grey(key + ":") + " " + (value == null ? "-" : value));
    }

    /** @return {@code 2026-01-02 03:04:05 UTC}, or {@code never} */
    static String when(Instant at) {
        return at == null ? "never" : TimeText.seconds(at) + " UTC";
    }
}
