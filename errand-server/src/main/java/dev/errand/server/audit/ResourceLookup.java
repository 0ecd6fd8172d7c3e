package dev.errand.server.audit;

import dev.errand.protocol.ErrandException;
import dev.errand.server.identity.Principal;
import java.util.Map;

/**
 * Describes resources named in audit entries (such as {@code execution:ex_...}) in a few words
 * of their current state, for traces. Each feature supplies a {@link Describer} for its type;
 * the composition root puts them together. Thread-safe when the describers are.
 *
 * @param byType a describer per resource type, such as {@code execution}
 */
public record ResourceLookup(Map<String, Describer> byType) {

    /** Describes one type of resource. */
    @FunctionalInterface
    public interface Describer {
        /**
         * @return the resource's current state in a few words
         * @throws ErrandException {@code not_found} when it does not exist or the caller may not see it
         */
        String describe(Principal caller, String id);
    }

    /** @return the description, {@code (not found)}, or {@code (unknown type)} */
    public String describe(Principal caller, String type, String id) {
        Describer d = byType.get(type);
        if (d == null) {
            return "(unknown type)";
        }
        try {
            return d.describe(caller, id);
        } catch (ErrandException e) {
            return "(not found)";
        }
    }
}
