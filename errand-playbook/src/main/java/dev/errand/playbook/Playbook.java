package dev.errand.playbook;

import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.GitSource;
import dev.errand.protocol.PlaybookParam;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated playbook, as read by {@link PlaybookFile} (params not yet substituted), and how it
 * becomes an execution request. Immutable.
 *
 * @param name the file name without {@code .yaml}/{@code .yml}
 * @param file where it was read from, as its errors name it (a path, or a bare file name)
 * @param description what it does, or null
 * @param image the image, or null for the server's default
 * @param command the shell command: {@code commands} joined with {@code &&}, or {@code script}
 * @param env environment variables, in file order
 * @param secrets secret names
 * @param git the git source, or null
 * @param timeoutSeconds the timeout, or null for the image's
 * @param lock the lock, or null
 * @param lockMode {@code queue}, {@code fail} or null
 * @param network network access, or null for the image's
 * @param params declared parameters, in file order
 */
public record Playbook(String name, String file, String description, String image, String command,
        Map<String, String> env, List<String> secrets, GitSource git, Integer timeoutSeconds, String lock,
        String lockMode, Boolean network, List<PlaybookParam> params) {

    /** @return the required params that neither {@code given} nor a default gives a value, in file order */
    public List<PlaybookParam> missing(Map<String, String> given) {
        return params.stream().filter(p -> p.required() && value(p, given) == null).toList();
    }

    /** @return the request as written, each {@code {{name}}} left in place */
    public CreateExecutionRequest template() {
        return new CreateExecutionRequest(command, image, env.isEmpty() ? null : env, timeoutSeconds, network,
                secrets.isEmpty() ? null : secrets, lock, lockMode, git, null);
    }

    /**
     * Fills in the params: a given value (a null one counts as not given), else the default, else the empty string.
     *
     * @param given values by param name, such as {@code -p name=value} pairs
     * @return the request the playbook stands for
     * @throws ErrandException {@code invalid_request} for a param the playbook does not declare, or a
     *     required one without a value (naming each, with its description)
     */
    public CreateExecutionRequest request(Map<String, String> given) {
        for (String key : given.keySet()) {
            if (params.stream().noneMatch(p -> p.name().equals(key))) {
                throw ErrandException.invalid("playbook " + name + " has no param '" + key + "'; its params: "
                        + params.stream().map(PlaybookParam::name).toList());
            }
        }
        List<String> missing = new ArrayList<>();
        for (PlaybookParam p : missing(given)) {
            missing.add(p.name() + (p.description() == null ? "" : " (" + p.description() + ")"));
        }
        if (!missing.isEmpty()) {
            throw ErrandException.invalid("playbook " + name + " needs " + String.join(", ", missing));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (PlaybookParam p : params) {
            String v = value(p, given);
            values.put(p.name(), v == null ? "" : v);
        }
        return Placeholders.fill(template(), values);
    }

    private static String value(PlaybookParam p, Map<String, String> given) {
        String v = given.get(p.name());
        return v != null ? v : p.defaultValue();
    }
}
