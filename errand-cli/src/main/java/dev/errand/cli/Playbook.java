package dev.errand.cli;

import dev.errand.protocol.GitSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A validated playbook, as read from its file (parameters not yet substituted).
 *
 * @param name the file name without {@code .yaml}/{@code .yml}
 * @param file where it was read from
 * @param description what it does, or null
 * @param image the image, or null for the server's default
 * @param command the shell command: {@code commands} joined with {@code &&}, or {@code script}
 * @param env environment variables
 * @param secrets secret names
 * @param git the git source, or null
 * @param timeoutSeconds the timeout, or null for the image's
 * @param lock the lock, or null
 * @param lockMode {@code queue}, {@code fail} or null
 * @param network network access, or null for the image's
 * @param params declared parameters, in file order
 */
record Playbook(String name, Path file, String description, String image, String command, Map<String, String> env,
        List<String> secrets, GitSource git, Integer timeoutSeconds, String lock, String lockMode, Boolean network,
        List<Param> params) {

    /**
     * A parameter, substituted as {@code {{name}}}.
     *
     * @param name its name
     * @param description what it is for, or null
     * @param defaultValue its default, or null
     * @param required whether {@code -p name=VALUE} must be given when there is no default
     */
    record Param(String name, String description, String defaultValue, boolean required) {}
}
