package dev.errand.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.GitSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {{name}}} placeholders of a playbook: where an undeclared one is, and how values fill
 * them in. Spaces inside the braces are allowed ({@code {{ name }}}). Stateless.
 */
final class Placeholders {
    private static final Pattern PARAM = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*}}");

    private Placeholders() {}

    /**
     * @param template a request as the playbook writes it
     * @param values a value for every declared param
     * @return the request with each placeholder in its command, image, env values, git repo, ref
     *     and path, and lock replaced by its value
     */
    static CreateExecutionRequest fill(CreateExecutionRequest template, Map<String, String> values) {
        Map<String, String> env = null;
        if (template.env() != null) {
            env = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : template.env().entrySet()) {
                env.put(e.getKey(), substitute(e.getValue(), values));
            }
        }
        GitSource g = template.git();
        GitSource git = g == null ? null : new GitSource(substitute(g.repo(), values), substitute(g.ref(), values),
                substitute(g.path(), values), g.tokenSecret());
        return new CreateExecutionRequest(substitute(template.command(), values), substitute(template.image(), values),
                env, template.timeoutSeconds(), template.network(), template.secrets(),
                substitute(template.lock(), values), template.lockMode(), git, template.limits());
    }

    /**
     * Reports each placeholder that no param declares.
     *
     * @param root the playbook's document
     * @param declared the declared params' names
     * @param found called with the JSON pointer of the string holding it, and its name
     */
    static void undeclared(JsonNode root, List<String> declared, BiConsumer<String, String> found) {
        scan(root, "", (pointer, value) -> {
            Matcher m = PARAM.matcher(value);
            while (m.find()) {
                if (!declared.contains(m.group(1))) {
                    found.accept(pointer, m.group(1));
                }
            }
        });
    }

    private static void scan(JsonNode node, String pointer, BiConsumer<String, String> visit) {
        if (node.isTextual()) {
            visit.accept(pointer, node.asText());
        } else if (node.isObject()) {
            node.properties().forEach(e -> scan(e.getValue(), pointer + "/" + e.getKey(), visit));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                scan(node.get(i), pointer + "/" + i, visit);
            }
        }
    }

    private static String substitute(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        return PARAM.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
}
