package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.cli.CliEnvironment;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real CLI against a real server: the commands a user types, their output and exit codes. */
class CliEndToEndTest {
    @TempDir
    static Path dir;
    static ErrandServer server;
    static Map<String, String> env;

    @BeforeAll
    static void start() throws Exception {
        server = ErrandServer.start(ServerConfig.forDataDir(dir.resolve("data")));
        env = new HashMap<>();
        env.put("ERRAND_ENDPOINT", "http://127.0.0.1:" + server.port());
        env.put("ERRAND_API_KEY", server.bootstrapKey().orElseThrow());
        env.put("ERRAND_CONFIG", dir.resolve("cli/config.yaml").toString());
        env.put("HOME", dir.toString());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** One CLI invocation's exit code and captured streams. */
    record Result(int exit, String out, String err) {}

    static Result errand(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment cli = CliEnvironment.of(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader("")), env);
        int exit = Main.commandLine(cli, env).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void runStreamsTheOutputAndExitsWithTheRemoteExitCode() {
        Result r = errand("run", "echo hello from the sandbox; exit 3");
        assertThat(r.exit()).as(r.err()).isEqualTo(3);
        assertThat(r.out()).contains("hello from the sandbox");
        assertThat(r.err()).contains("FAILED");
    }

    @Test
    void runOfASucceedingCommandExitsZero() {
        Result r = errand("run", "uname", "-s");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().trim()).isEqualTo("Linux");
    }

    @Test
    void detachedRunThenLogsStatusAndListShowIt() {
        Result started = errand("run", "--detach", "echo detached-line");
        assertThat(started.exit()).as(started.err()).isZero();
        String id = started.out().trim();
        assertThat(id).startsWith("ex_");
        Result follow = errand("logs", "--follow", id);
        assertThat(follow.exit()).isZero();
        assertThat(follow.out()).contains("detached-line");
        Result status = errand("status", id);
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains(id).contains("SUCCEEDED");
        Result list = errand("list", "--limit", "50");
        assertThat(list.out()).contains(id);
        Result json = errand("status", "--json", id);
        assertThat(json.out()).contains("\"status\":\"SUCCEEDED\"");
    }

    @Test
    void killStopsARunningExecution() throws Exception {
        String id = errand("run", "--detach", "sleep 60").out().trim();
        Result kill = errand("kill", "--wait", id);
        assertThat(kill.exit()).as(kill.err()).isZero();
        assertThat(errand("status", id).out()).contains("STOPPED");
    }

    @Test
    void anUnknownExecutionExitsFour() {
        Result r = errand("status", "ex_01jd0m5v2c8q4w7x9y3z5a6b7c");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("not_found");
    }

    @Test
    void aWrongKeyExitsThree() {
        Map<String, String> saved = new HashMap<>(env);
        try {
            env.put("ERRAND_API_KEY", "erk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
            assertThat(errand("list").exit()).isEqualTo(3);
        } finally {
            env.clear();
            env.putAll(saved);
        }
    }

    @Test
    void healthAndVersionReportTheServer() {
        Result health = errand("health");
        assertThat(health.exit()).isZero();
        assertThat(health.out()).contains("local");
        assertThat(errand("version").out()).isNotBlank();
    }

    @Test
    void helpListsEveryCommandIncludingServer() {
        Result r = errand("--help");
        for (String command : new String[] {"configure", "run", "logs", "status", "list", "kill", "health", "version", "server"}) {
            assertThat(r.out()).contains(command);
        }
    }
}
