package dev.errand.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.cli.CliEnvironment;
import dev.errand.server.ErrandServer;
import dev.errand.server.config.ServerConfig;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runbook commands a user types (secrets, env files, locks), real CLI against a real server. */
class RunbooksEndToEndTest {
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

    record Result(int exit, String out, String err) {}

    static Result errand(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment cli = CliEnvironment.of(new PrintWriter(out), new PrintWriter(err),
                new BufferedReader(new StringReader(stdin)), env);
        int exit = Main.commandLine(cli, env).execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void aSecretCreatedFromStdinIsInjectedAndMaskedAndNeverListed() {
        Result created = errand("pa55-word-from-stdin\n", "secrets", "create", "db-password", "--env-name", "DB_PASSWORD",
                "--description", "the test database");
        assertThat(created.exit()).as(created.err()).isZero();
        assertThat(created.out()).contains("DB_PASSWORD").doesNotContain("pa55");
        assertThat(errand("", "secrets", "list").out()).contains("db-password").doesNotContain("pa55");
        assertThat(errand("", "secrets", "show", "db-password", "--reveal").out()).contains("pa55-word-from-stdin");

        Result run = errand("", "run", "--secret", "db-password", "echo password is $DB_PASSWORD");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("password is ***").doesNotContain("pa55");
    }

    @Test
    void aSecretWithoutAValueOnStdinIsAnErrorAndCreatesNothing() {
        Result r = errand("", "secrets", "create", "empty-one", "--env-name", "EMPTY");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no value given");
        assertThat(errand("", "secrets", "show", "empty-one").exit()).isEqualTo(4);
    }

    @Test
    void envFileUserVariablesAndDashEAreMergedWithDashEWinning() throws Exception {
        Path file = dir.resolve("vars.env");
        Files.writeString(file, "# settings\nexport REGION=eu-west-1\nNAME='from file'\nCOLOUR=red\n");
        env.put("ERRAND_USER_TEAM", "platform");
        try {
            Result r = errand("", "run", "--env-file", file.toString(), "-e", "COLOUR=blue",
                    "echo $REGION/$NAME/$COLOUR/$TEAM");
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("eu-west-1/from file/blue/platform");
        } finally {
            env.remove("ERRAND_USER_TEAM");
        }
        Files.writeString(file, "GOOD=1\nnot a line\n");
        Result bad = errand("", "run", "--env-file", file.toString(), "true");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("vars.env:2");
    }

    @Test
    void aBusyLockMakesFailModeExitFiveAndQueueModeWaitWithItsPosition() {
        String holder = errand("", "run", "--detach", "--lock", "release-train", "sleep 30").out().trim();
        Result fail = errand("", "run", "--lock", "release-train", "--lock-mode", "fail", "true");
        assertThat(fail.exit()).isEqualTo(5);
        Result queued = errand("", "run", "--detach", "--lock", "release-train", "echo after");
        assertThat(queued.err()).contains("position 2 in the queue for lock release-train");
        assertThat(errand("", "locks", "list").out()).contains("release-train").contains(holder);
        assertThat(errand("", "kill", "--wait", holder).exit()).isZero();
        Result follow = errand("", "logs", "--follow", queued.out().trim());
        assertThat(follow.out()).contains("after");
        assertThat(errand("", "locks", "release", "release-train").exit()).isEqualTo(4);
    }

    @Test
    void statusShowsLimitsAndCostAndUsageSumsByImage() {
        String id = errand("", "run", "--detach", "--memory", "256", "--cpus", "0.5", "echo measured").out().trim();
        errand("", "logs", "--follow", id);
        Result status = errand("", "status", id);
        assertThat(status.out()).contains("memory 256 MiB").contains("0.5 vCPU billed").contains("Cost:").contains("(estimate)");
        assertThat(errand("", "list").out()).contains("COST").contains("$0.0");
        Result usage = errand("", "usage", "--by", "image", "--since", "1h");
        assertThat(usage.exit()).as(usage.err()).isZero();
        assertThat(usage.out()).contains("IMAGE").contains("host").contains("total");
    }

    @Test
    void imagesCanBeRegisteredShownMadeDefaultAndRemoved() {
        Result reg = errand("", "images", "register", "small", "--memory", "128", "--no-network", "-e", "MODE=small");
        assertThat(reg.exit()).as(reg.err()).isZero();
        assertThat(errand("", "images", "list").out()).contains("small").contains("128M");
        assertThat(errand("", "images", "set-default", "small").exit()).isZero();
        Result run = errand("", "run", "echo mode=$MODE");
        assertThat(run.out()).contains("mode=small");
        assertThat(errand("", "images", "remove", "small").exit()).isEqualTo(5);
        assertThat(errand("", "images", "set-default", "host").exit()).isZero();
        assertThat(errand("", "images", "remove", "small").exit()).isZero();
        assertThat(errand("", "images", "show", "small").exit()).isEqualTo(4);
    }

    @Test
    void aPlaybookRunsWithItsParamsSecretsAndLockAndBadFilesNameTheirLine() throws Exception {
        errand("playbook-token-value\n", "secrets", "create", "pb-token", "--env-name", "PB_TOKEN");
        Path playbooks = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(playbooks.resolve("greet.yaml"), """
                description: greet someone with a secret
                commands:
                  - echo "hello {{who}} from $PLACE"
                  - echo "token $PB_TOKEN"
                env:
                  PLACE: "{{where}}"
                secrets: [pb-token]
                lock: greet-{{who}}
                params:
                  - name: who
                    required: true
                  - name: where
                    default: the sandbox
                """);
        Files.writeString(playbooks.resolve("broken.yaml"), "commands:\n  - ok\nimage: [1, 2]\n");
        Result list = errand("", "playbook", "list", "--dir", playbooks.toString());
        assertThat(list.out()).contains("greet").contains("greet someone");
        assertThat(list.err()).contains("broken.yaml:3:8");
        assertThat(list.exit()).isEqualTo(2);

        Result missing = errand("", "playbook", "run", "greet", "--dir", playbooks.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("needs who");

        Result run = errand("", "playbook", "run", "greet", "--dir", playbooks.toString(), "-p", "who=ops");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("hello ops from the sandbox").contains("token ***").doesNotContain("playbook-token-value");
        assertThat(errand("", "playbook", "show", "greet", "--dir", playbooks.toString()).out())
                .contains("Param:").contains("who (required)").contains("greet-{{who}}");
    }
}
