package dev.errand.cli;

import dev.errand.playbook.DurationText;
import dev.errand.protocol.CreateExecutionRequest;
import dev.errand.protocol.ExecutionLimits;
import dev.errand.protocol.GitSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Builds a create-execution request from a base (a playbook, or nothing) and the command line's
 * {@link RunOptions}. Environment precedence, lowest first: the base's env, local
 * {@code ERRAND_USER_<NAME>} variables, {@code --env-file}, {@code -e}. Bad values are usage errors.
 */
final class RunRequest {
    static final String USER_PREFIX = "ERRAND_USER_";
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final long MAX_TIMEOUT_SECONDS = 604_800;

    private RunRequest() {}

    /**
     * @param base the playbook's request, or one with only the command
     * @return the request to send
     */
    static CreateExecutionRequest build(CreateExecutionRequest base, RunOptions o, CliEnvironment cliEnv,
            Messages messages, CommandSpec spec) {
        Map<String, String> vars = new LinkedHashMap<>(base.env() == null ? Map.of() : base.env());
        Map<String, String> passed = new TreeMap<>();
        cliEnv.env().forEach((name, value) -> {
            if (name.startsWith(USER_PREFIX)) {
                String key = name.substring(USER_PREFIX.length());
                if (ENV_NAME.matcher(key).matches()) {
                    passed.put(key, value);
                } else {
                    messages.warn("ignoring " + name + ": '" + key + "' is not a valid variable name");
                }
            }
        });
        if (!passed.isEmpty()) {
            messages.info("passing " + String.join(", ", passed.keySet()) + " from " + USER_PREFIX + "*");
        }
        vars.putAll(passed);
        if (o.envFile != null) {
            vars.putAll(EnvFile.read(o.envFile));
        }
        for (Map.Entry<String, String> e : o.env.entrySet()) {
            if (!ENV_NAME.matcher(e.getKey()).matches()) {
                throw new ParameterException(spec.commandLine(), "invalid --env name '" + e.getKey() + "': use letters, digits and _ (not starting with a digit)");
            }
            vars.put(e.getKey(), e.getValue());
        }
        List<String> secrets = new ArrayList<>(base.secrets() == null ? List.of() : base.secrets());
        o.secrets.stream().filter(s -> !secrets.contains(s)).forEach(secrets::add);
        Integer timeout = o.timeout == null ? base.timeoutSeconds() : seconds(o.timeout, spec);
        if (o.lockMode != null && !o.lockMode.equals("queue") && !o.lockMode.equals("fail")) {
            throw new ParameterException(spec.commandLine(), "--lock-mode must be queue or fail, got '" + o.lockMode + "'");
        }
        return new CreateExecutionRequest(base.command(), o.image != null ? o.image : base.image(),
                vars.isEmpty() ? null : vars, timeout, o.network != null ? o.network : base.network(),
                secrets.isEmpty() ? null : secrets, o.lock != null ? o.lock : base.lock(),
                o.lockMode != null ? o.lockMode : base.lockMode(), git(base.git(), o), limits(base.limits(), o.limits()));
    }

    private static Integer seconds(Duration d, CommandSpec spec) {
        if (d.toSeconds() < 1 || d.toSeconds() > MAX_TIMEOUT_SECONDS) {
            throw new ParameterException(spec.commandLine(), "--timeout must be between 1s and 7d, got " + DurationText.formatSeconds(d.toSeconds()));
        }
        return (int) d.toSeconds();
    }

    private static GitSource git(GitSource base, RunOptions o) {
        if (o.gitRepo == null && base == null) {
            return null;
        }
        GitSource b = base == null ? new GitSource(null, null, null, null) : base;
        return new GitSource(o.gitRepo != null ? o.gitRepo : b.repo(), o.gitRef != null ? o.gitRef : b.ref(),
                o.gitPath != null ? o.gitPath : b.path(), o.gitTokenSecret != null ? o.gitTokenSecret : b.tokenSecret());
    }

    private static ExecutionLimits limits(ExecutionLimits base, ExecutionLimits o) {
        if (o == null) {
            return base;
        }
        if (base == null) {
            return o;
        }
        return new ExecutionLimits(first(o.memoryMb(), base.memoryMb()), first(o.maxProcesses(), base.maxProcesses()),
                first(o.cpuSeconds(), base.cpuSeconds()), first(o.cpus(), base.cpus()), first(o.outputBytes(), base.outputBytes()));
    }

    private static <T> T first(T a, T b) {
        return a != null ? a : b;
    }
}
