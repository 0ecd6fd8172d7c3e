package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.errand.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The run form's playbook choice in headless Chromium: a file picked, its params filled, its run followed; its errors in the page. */
class PlaybookBrowserTest {
    static final String GREET = """
            description: Greet someone from a sandbox
            commands:
              - echo "hello {{who}} from $PLACE"
              - echo "done with {{who}}"
            env:
              PLACE: "{{where}}"
            lock: greet-{{who}}
            timeout: 5m
            params:
              - name: who
                description: whom to greet
                required: true
              - name: where
                description: where the greeting comes from
                default: the sandbox
            """;

    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    final String base = server.base();
    @RegisterExtension
    final Browser b = Browser.perTest();
    @TempDir
    Path dir;

    @Test
    void aPlaybookFileIsPickedItsParamFilledAndItsRunFollowedInTheLog() throws Exception {
        Path file = Files.writeString(dir.resolve("greet.yaml"), GREET);
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/run");
        b.find("#mode-playbook").click();
        assertThat(b.find("#command-fields").isDisplayed()).isFalse();
        b.find("#playbook-file").sendKeys(file.toString());

        b.waitForText("#playbook-about", "Playbook greet", Duration.ofSeconds(10));
        assertThat(b.find("#playbook-about").getText()).contains("Greet someone from a sandbox");
        assertThat(b.find("label[for='param-who']").getText()).contains("required").contains("whom to greet");
        assertThat(b.find("#param-where").getDomProperty("value")).isEqualTo("the sandbox");
        assertThat(b.find("#playbook-yaml").getDomProperty("value")).isEqualTo(GREET);
        b.waitForText("#playbook-fixed", "greet-{{who}}", Duration.ofSeconds(10));
        assertThat(b.find("#playbook-fixed").getText()).contains("5m 00s").contains("the default image");

        b.find("#param-who").sendKeys("browser");
        b.waitForText("#playbook-command", "hello browser from $PLACE", Duration.ofSeconds(10));
        assertThat(b.find("#playbook-fixed").getText()).contains("greet-browser").contains("PLACE");
        b.size(1280, 1100);
        WebTests.docsScreenshot(b, "run-playbook.png");
        b.find("#run").click();

        b.waitForText(".line", "hello browser from the sandbox", Duration.ofSeconds(30));
        b.waitForText(".line", "done with browser", Duration.ofSeconds(10));
        String id = b.driver.getCurrentUrl().substring((base + "/executions/").length());
        b.waitForText("#status", "SUCCEEDED", Duration.ofSeconds(30));
        JsonNode execution = TestServer.JSON.readTree(server.send("GET", "/api/v1/executions/" + id, null).body());
        assertThat(execution.get("lock").asText()).isEqualTo("greet-browser");
        assertThat(execution.get("command").asText()).isEqualTo("echo \"hello browser from $PLACE\" && echo \"done with browser\"");
        assertThat(WebTests.requestedUrls(b)).allMatch(u -> u.startsWith(base + "/"));
    }

    @Test
    void errorsAreShownInThePageAtTheirLineAndColumn() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/run?mode=playbook");
        b.find("#playbook-yaml").sendKeys("description: typo\ncommands:\n  - make\ncomands:\n  - make x\nenv:\n  1BAD: x\n");

        b.waitForText("#playbook-errors .banner.error", "The playbook has 2 problems", Duration.ofSeconds(10));
        assertThat(b.all("#playbook-errors li")).extracting(e -> e.getText()).satisfiesExactly(
                e -> assertThat(e).startsWith("playbook.yaml:4:1 property 'comands' is not defined"),
                e -> assertThat(e).startsWith("playbook.yaml:7:3 property '1BAD' name is not valid"));
        b.waitForText("#playbook-errors button.where", "playbook.yaml:4:1", Duration.ofSeconds(5)).click();
        assertThat(((Number) b.js("return document.getElementById('playbook-yaml').selectionStart")).intValue())
                .isEqualTo("description: typo\ncommands:\n  - make\n".length());
        WebTests.docsScreenshot(b, "run-playbook-errors.png");

        Path file = Files.writeString(dir.resolve("greet.yml"), GREET);
        b.find("#playbook-file").sendKeys(file.toString());
        b.waitForText("#playbook-about", "Playbook greet", Duration.ofSeconds(10));
        assertThat(b.find("#playbook-errors").getText()).isEmpty();
        b.find("#run").click();
        b.waitForText("#playbook-errors .banner.error", "playbook greet needs who (whom to greet)", Duration.ofSeconds(10));
        assertThat(b.driver.getCurrentUrl()).isEqualTo(base + "/run?mode=playbook");
        b.size(390, 844);
        assertThat(((Number) b.js("return " + WebTests.SIDEWAYS_OVERFLOW)).intValue()).as("px off the screen").isZero();
    }
}
