package dev.errand.server.identity;

import dev.errand.protocol.ErrandException;
import java.util.Locale;

/** The four roles of DESIGN.md §5, from most to least powerful. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** All executions, images, secrets, locks and agents. */
    OPERATOR,
    /** Runs with allowed images and secrets; reads and kills own executions. */
    DEVELOPER,
    /** Reads executions and logs; changes nothing. */
    VIEWER;

    /** @return the wire form, e.g. {@code developer} */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param text a role name, case-insensitive
     * @return the role
     * @throws ErrandException {@code invalid_request} naming the valid roles
     */
    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw ErrandException.invalid("unknown role '" + text + "': use admin, operator, developer or viewer");
        }
    }
}
