package dev.errand.cli;

import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import dev.errand.protocol.GitSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where playbooks live and how one becomes a request: {@code --dir} if given, else
 * {@code ./.errand/} when it exists, else {@code $XDG_CONFIG_HOME/errand/playbooks} (default
 * {@code ~/.config/errand/playbooks}). Files are {@code NAME.yaml} or {@code NAME.yml}; the config
 * file never sits among them. Stateless.
 */
final class Playbooks {
    private Playbooks() {}

    /** @return the playbook directory for this invocation (it may not exist) */
    static Path dir(CliEnvironment env, Path override) {
        if (override != null) {
            return override;
        }
        Path local = Path.of(env.env().getOrDefault("PWD", "")).toAbsolutePath().resolve(".errand");
        if (Files.isDirectory(local)) {
            return local;
        }
        String xdg = env.variable("XDG_CONFIG_HOME");
        Path config = xdg != null ? Path.of(xdg) : Path.of(env.env().getOrDefault("HOME", System.getProperty("user.home")), ".config");
        return config.resolve("errand").resolve("playbooks");
    }

    /** @return the playbook files in {@code dir}, by name */
    static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw ErrandException.invalid("cannot list playbooks in " + dir + ": " + e.getMessage());
        }
    }

    /** @throws ErrandException {@code not_found} naming the directory and the playbooks there */
    static Playbook find(Path dir, String name) {
        for (Path f : files(dir)) {
            if (f.getFileName().toString().replaceFirst("\\.ya?ml$", "").equals(name)) {
                return PlaybookFile.read(f);
            }
        }
        List<String> names = files(dir).stream().map(f -> f.getFileName().toString().replaceFirst("\\.ya?ml$", "")).toList();
        throw new ErrandException(ErrorCode.NOT_FOUND, "no playbook '" + name + "' in " + dir
                + (names.isEmpty() ? "" : " (there: " + String.join(", ", names) + ")"));
    }

    /**
     * Fills in the params and returns the request the playbook stands for.
     *
     * @param given {@code -p name=value} pairs
     * @throws ErrandException {@code invalid_request} for an unknown param or a required one missing
     */
    static CreateExecutionRequest request(Playbook p, Map<String, String> given) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Playbook.Param param : p.params()) {
            String v = given.containsKey(param.name()) ? given.get(param.name()) : param.defaultValue();
            if (v == null && param.required()) {
                missing.add(param.name() + (param.description() == null ? "" : " (" + param.description() + ")"));
            }
            values.put(param.name(), v == null ? "" : v);
        }
        for (String key : given.keySet()) {
            if (!values.containsKey(key)) {
                throw ErrandException.invalid("playbook " + p.name() + " has no param '" + key + "'; its params: "
                        + p.params().stream().map(Playbook.Param::name).toList());
            }
        }
        if (!missing.isEmpty()) {
            throw ErrandException.invalid("playbook " + p.name() + " needs " + String.join(", ", missing)
                    + ": pass -p NAME=VALUE");
        }
        Map<String, String> env = new LinkedHashMap<>();
        p.env().forEach((k, v) -> env.put(k, PlaybookFile.substitute(v, values)));
        GitSource g = p.git();
        GitSource git = g == null ? null : new GitSource(PlaybookFile.substitute(g.repo(), values),
                PlaybookFile.substitute(g.ref(), values), PlaybookFile.substitute(g.path(), values), g.tokenSecret());
        return new CreateExecutionRequest(PlaybookFile.substitute(p.command(), values), PlaybookFile.substitute(p.image(), values),
                env.isEmpty() ? null : env, p.timeoutSeconds(), p.network(), p.secrets().isEmpty() ? null : p.secrets(),
                PlaybookFile.substitute(p.lock(), values), p.lockMode(), git, null);
    }
}
