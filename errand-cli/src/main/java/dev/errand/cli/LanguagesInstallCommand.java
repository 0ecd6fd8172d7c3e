package dev.errand.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.protocol.CodePaths;
import dev.errand.protocol.LanguageInstallRequest;
import dev.errand.protocol.LanguageList;
import dev.errand.protocol.LanguageView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code errand languages install ID...}: asks the server to build the languages' images with
 * mmdebstrap, then waits for the builds (unless {@code --no-wait}).
 */
@Command(name = "install", mixinStandardHelpOptions = true,
        description = {"Build language images on the server (admins).",
            "Each is a Debian root filesystem with the language's packages, made with mmdebstrap; a few minutes"
                + " each. Waits for the builds unless --no-wait."})
final class LanguagesInstallCommand implements Callable<Integer> {
    static final Duration POLL = Duration.ofSeconds(2);

    @Mixin
    GlobalOptions global;

    @Option(names = "--no-wait", description = "Return once the builds are queued.")
    boolean noWait;

    @Parameters(arity = "1..*", paramLabel = "LANGUAGE", description = "Language ids or aliases, such as python nodejs.")
    List<String> languages;

    private final CliEnvironment env;

    LanguagesInstallCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws InterruptedException {
        Session session = new Session(env, global);
        ApiClient api = session.api();
        JsonNode started = api.post(CodePaths.LANGUAGES_INSTALL, new LanguageInstallRequest(languages));
        List<String> ids = api.convert(started, LanguageList.class).languages().stream().map(LanguageView::id).toList();
        session.messages().info("building " + String.join(", ", ids) + " (mmdebstrap on the server)");
        if (noWait) {
            if (global.json) {
                session.printJson(started);
            }
            return ExitCodes.OK;
        }
        Map<String, LanguageView> now;
        while (true) {
            now = api.convert(api.get(CodePaths.LANGUAGES), LanguageList.class).languages().stream()
                    .filter(l -> ids.contains(l.id())).collect(Collectors.toMap(LanguageView::id, Function.identity()));
            if (now.values().stream().noneMatch(l -> "queued".equals(l.install()) || "building".equals(l.install()))) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        int failed = 0;
        for (String id : ids) {
            LanguageView l = now.get(id);
            if ("ready".equals(l.install())) {
                env.out().println(id + " ready (" + l.image() + ", " + l.version() + ")");
            } else {
                failed++;
                session.messages().failure(id + " " + l.install());
            }
        }
        return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
    }
}
