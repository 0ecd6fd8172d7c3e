package dev.errand.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code errand playbook list|show|run} over a directory of playbook files, against a stub server. */
class PlaybookCommandsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StubServer server = StubServer.perTest();
    private final ObjectMapper json = new ObjectMapper();

    Path playbooks() throws Exception {
        Path d = Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(d.resolve("deploy.yaml"), """
                description: deploy one service
                commands:
                  - make deploy TARGET={{target}}
                env:
                  WHERE: "{{target}}"
                lock: deploy-{{target}}
                timeout: 10m
                params:
                  - name: target
                    description: where to
                    required: true
                """);
        return d;
    }

    @Test
    void runSendsThePlaybookRenderedWithItsParams() throws Exception {
        server.on("POST", "/api/v1/executions", 202, Fixtures.queuedExecution());
        CliHarness.Result r = new CliHarness(dir).server(server)
                .run("playbook", "run", "deploy", "--dir", playbooks().toString(), "-p", "target=prod", "-d");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(json.readTree(server.onlyRequest().body())).isEqualTo(json.readTree("""
                {"command":"make deploy TARGET=prod","env":{"WHERE":"prod"},"timeout_seconds":600,"lock":"deploy-prod"}"""));
        assertThat(r.out()).isEqualTo(Fixtures.ID + "\n");
    }

    @Test
    void aMissingRequiredParamIsAUsageErrorSayingHowToGiveIt() throws Exception {
        CliHarness.Result r = new CliHarness(dir).server(server).run("playbook", "run", "deploy", "--dir", playbooks().toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("playbook deploy needs target (where to): pass -p NAME=VALUE");
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void listNamesEachPlaybookAndReportsABrokenOneAtItsLine() throws Exception {
        Path d = playbooks();
        Files.writeString(d.resolve("broken.yml"), "commands:\n  - ok\nimage: [1, 2]\n");
        CliHarness.Result r = new CliHarness(dir).run("playbook", "list", "--dir", d.toString());

        assertThat(r.out()).contains("deploy").contains("deploy one service");
        assertThat(r.err()).contains(d.resolve("broken.yml") + ":3:8: ");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void theShippedExamplesAreListedAndShowTheirParams() {
        CliHarness.Result list = new CliHarness(dir).run("playbook", "list", "--dir", "../examples/playbooks");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("disk-report").contains("python-tests").contains("terraform-apply");

        CliHarness.Result show = new CliHarness(dir).run("playbook", "show", "disk-report", "--dir", "../examples/playbooks");
        assertThat(show.out()).contains("../examples/playbooks/disk-report.yaml").contains("path (required)")
                .contains("top default 10").contains("5m");
    }
}
