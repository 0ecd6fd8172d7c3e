package dev.errand.cli;

import dev.errand.playbook.Playbook;
import dev.errand.playbook.PlaybookFile;
import dev.errand.protocol.ErrandException;
import dev.errand.protocol.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where playbooks live on this machine: {@code --dir} if given, else
 * {@code ./.errand/} when it exists, else {@code $XDG_CONFIG_HOME/errand/playbooks} (default
 * {@code ~/.config/errand/playbooks}). Files are {@code NAME.yaml} or {@code NAME.yml}; the config
 * file never sits among them. Reading one is {@link PlaybookFile}'s. Stateless.
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
}
