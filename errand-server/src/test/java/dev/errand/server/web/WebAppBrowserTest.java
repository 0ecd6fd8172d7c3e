package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web app in headless Chromium against a real server: sign-in, the run form, the live viewer, roles, sessions. */
class WebAppBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    final String base = server.base();
    @RegisterExtension
    final Browser b = Browser.perTest();

    @Test
    void aWrongKeyIsShownAsAnError() {
        b.open(base + "/executions");
        b.waitFor(d -> d.getCurrentUrl().contains("/sign-in?next=%2Fexecutions") ? true : null, Duration.ofSeconds(10));
        b.find("#api-key").sendKeys("erk_" + "x".repeat(43));
        b.find("#sign-in").click();
        b.waitForText("#sign-in-errors .banner.error", "Sign-in failed: the API key is not valid", Duration.ofSeconds(10));
        assertThat(b.find("#sign-in-errors").getText()).contains("invalid_api_key");
        WebTests.docsScreenshot(b, "sign-in-error.png");
        b.find("#api-key").clear();
        b.find("#sign-in").click();
        b.waitForText("#sign-in-errors .banner.error", "Paste an API key", Duration.ofSeconds(10));
    }

    @Test
    void aClaimTokenIsRedeemedInThePageForAKeyShownOnce() throws Exception {
        String email = TestUsers.email("claimer");
        String token = TestUsers.invite(server, email, "developer").get("claim_token").asText();
        b.open(base + "/sign-in");
        b.find("a[href='/claim']").click();
        b.find("#claim-token").sendKeys(token);
        b.find("#claim").click();
        String key = b.waitForText("#new-key", "erk_", Duration.ofSeconds(10)).getText();
        assertThat(server.send("GET", "/api/v1/executions", null, key).statusCode()).isEqualTo(200);
        WebTests.docsScreenshot(b, "claim.png");
        b.find("#sign-in-with-key").click();
        b.waitForText(".whoami", email, Duration.ofSeconds(10));
        assertThat(b.find(".whoami").getText()).contains("developer");
        assertThat(b.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").toString()).doesNotContain(key);

        b.open(base + "/claim?token=" + token);
        b.find("#claim").click();
        b.waitForText("#claim-errors .banner.error", "The claim failed", Duration.ofSeconds(10));
        assertThat(b.find("#claim-errors").getText()).contains("claim_token_used");
    }

    @Test
    void signInRunFromTheFormWatchLinesPauseResumeDownloadAndKill() {
        WebTests.signInByForm(b, base, "/executions", server.key());
        assertThat(b.driver.manage().getCookieNamed("errand_session").isHttpOnly()).isTrue();
        assertThat(b.js("return document.cookie")).isEqualTo("");
        assertThat(b.js("return JSON.stringify(localStorage) + JSON.stringify(sessionStorage)").toString())
                .doesNotContain(server.key()).doesNotContain("erk_");
        b.find("nav a[href='/run']").click();
        b.find("#command").sendKeys("echo \"greeting: $GREETING\"; for i in $(seq 1 100000); do"
                + " printf '\\033[32mtick\\033[0m %d\\n' $i; sleep 0.05; done");
        b.find(".env-row .env-name").sendKeys("GREETING");
        b.find(".env-row .env-value").sendKeys("hello from the form");
        b.find("#timeout").sendKeys("10m");
        WebTests.docsScreenshot(b, "run-form.png");
        b.find("#run").click();

        b.waitForText(".line", "tick 5", Duration.ofSeconds(30));
        String id = b.driver.getCurrentUrl().substring((base + "/executions/").length());
        assertThat(b.find(".logview").getText()).contains("greeting: hello from the form");
        assertThat(b.all(".line .tx .ansi-green-fg")).isNotEmpty();
        b.waitForText("#status", "RUNNING", Duration.ofSeconds(10));
        assertThat(b.find("#connection").getText()).isEqualTo("live");
        assertThat(b.find("#meta").getText()).contains("admin@localhost").contains("host").contains("10m 00s");

        b.find("#pause").click();
        String frozen = b.find("#line-count").getText();
        b.waitForText("#paused-note", "new lines", Duration.ofSeconds(10));
        b.waitFor(d -> b.find("#paused-note").getText().matches("Paused · ([2-9]|\\d\\d+) new lines") ? true : null,
                Duration.ofSeconds(10));
        assertThat(b.find("#line-count").getText()).isEqualTo(frozen);
        b.find("#pause").click();
        b.waitFor(d -> !b.find("#line-count").getText().equals(frozen) ? true : null, Duration.ofSeconds(10));
        assertThat(b.find("#paused-note").isDisplayed()).isFalse();
        WebTests.docsScreenshot(b, "log-viewer.png");

        b.find("#download").click();
        List<String> file = WebTests.downloaded(b, "errand-" + id + ".log");
        assertThat(file.getFirst()).isEqualTo("greeting: hello from the form");
        assertThat(file.get(1)).isEqualTo("tick 1");
        assertThat(String.join("\n", file)).doesNotContain("\u001b");

        b.find("#kill").click();
        b.waitForText("#kill", "Confirm kill", Duration.ofSeconds(5)).click();
        b.waitForText("#status", "STOPPED", Duration.ofSeconds(30));
        b.waitForText("#connection", "ended", Duration.ofSeconds(10));
        assertThat(b.find("#kill").isDisplayed()).isFalse();
        assertThat(b.find("#meta").getText()).contains("killed by admin@localhost");
        assertThat(WebTests.requestedUrls(b)).allMatch(u -> u.startsWith(base + "/") || u.startsWith("blob:" + base + "/"));
    }

    @Test
    void theExecutionsListFiltersAndUpdatesLive() throws Exception {
        String done = WebTests.run(server, "echo listed-and-done");
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/executions");
        b.waitForText("#executions tbody tr", "listed-and-done", Duration.ofSeconds(10));
        String running = WebTests.runJson(server, "{\"command\":\"sleep 60 # listed-and-running\",\"lock\":\"web-list\"}");
        b.waitForText("#executions tr[data-id='" + running + "']", "RUNNING", Duration.ofSeconds(15));
        String queued = WebTests.runJson(server, "{\"command\":\"echo listed-and-running next\",\"lock\":\"web-list\"}");
        b.waitForText("#executions tr[data-id='" + queued + "']", "QUEUED #2", Duration.ofSeconds(15));
        assertThat(b.find("#executions tr[data-id='" + queued + "'] .badge").getAttribute("title"))
                .isEqualTo("position 2 in the queue for lock web-list");
        b.find("#text-filter").sendKeys("listed-and-running");
        b.waitFor(d -> b.all("#executions tbody tr[data-id='" + done + "']").isEmpty() ? true : null, Duration.ofSeconds(5));
        assertThat(b.driver.getCurrentUrl()).endsWith("?q=listed-and-running");
        WebTests.docsScreenshot(b, "executions.png");
        server.send("POST", "/api/v1/executions/" + running + "/kill", null);
        b.waitForText("#executions tr[data-id='" + running + "']", "STOPPED", Duration.ofSeconds(15));
        b.waitForText("#executions tr[data-id='" + queued + "']", "SUCCEEDED", Duration.ofSeconds(15));
        b.find("#executions tr[data-id='" + running + "'] a").click();
        b.waitForText("#status", "STOPPED", Duration.ofSeconds(10));
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        WebTests.signInByForm(b, base, "/executions", server.key());
        String cookie = "errand_session=" + b.driver.manage().getCookieNamed("errand_session").getValue();
        b.find("#sign-out").click();
        b.find("#api-key");
        assertThat(b.driver.manage().getCookieNamed("errand_session")).isNull();
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/executions"))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(401);
    }

    @Test
    void anEndedSessionIsShownPlainly() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/executions");
        b.find("#executions");
        server.server().database().write(h -> h.createUpdate("DELETE FROM web_sessions").execute());
        b.waitForText(".banner.warn", "You were signed out", Duration.ofSeconds(15));
        assertThat(b.driver.getCurrentUrl()).contains("/sign-in?next=%2Fexecutions");
    }

    @Test
    void aMissingExecutionIsShownPlainly() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/executions/ex_00000000000000000000000000");
        b.waitForText(".banner.error", "There is no execution ex_00000000000000000000000000", Duration.ofSeconds(10));
        b.open(base + "/no-such-page");
        assertThat(b.driver.getPageSource()).contains("not_found");
    }

    @Test
    void eachRoleSeesOnlyWhatItMayUse() throws Exception {
        String developer = TestUsers.create(server, TestUsers.email("dev"), "developer").key();
        String viewer = TestUsers.create(server, TestUsers.email("viewer"), "viewer").key();
        String adminRun = WebTests.run(server, "sleep 30");

        WebTests.signInByCookie(b, base, developer);
        b.open(base + "/executions");
        b.find("#executions");
        assertThat(b.find("nav").getText()).contains("Executions").contains("Run").doesNotContain("Users").doesNotContain("Audit");
        b.open(base + "/users");
        b.waitForText(".banner.info", "does not offer users to your role", Duration.ofSeconds(10));
        b.open(base + "/executions/" + adminRun);
        b.waitForText(".banner.error", "There is no execution", Duration.ofSeconds(10));

        b.driver.manage().deleteAllCookies();
        WebTests.signInByCookie(b, base, viewer);
        b.open(base + "/executions/" + adminRun);
        b.waitForText("#status", "RUNNING", Duration.ofSeconds(10));
        assertThat(b.find("#kill").isDisplayed()).isFalse();
        assertThat(b.find("nav").getText()).doesNotContain("Run");
        b.open(base + "/run");
        b.waitForText(".banner.info", "can read executions but not start them", Duration.ofSeconds(10));
        server.send("POST", "/api/v1/executions/" + adminRun + "/kill", null);
    }

    @Test
    void onAPhoneNothingRunsOffTheScreenSideways() throws Exception {
        String id = WebTests.run(server, "for i in $(seq 1 40); do echo \"phone line $i\"; done");
        WebTests.signInByCookie(b, base, server.key());
        b.size(390, 844);
        b.open(base + "/executions");
        b.find("#executions");
        assertThat(((Number) b.js("return " + WebTests.SIDEWAYS_OVERFLOW)).intValue()).as("px off the screen").isZero();
        b.open(base + "/executions/" + id);
        b.waitForText(".line", "phone line 40", Duration.ofSeconds(20));
        assertThat(((Number) b.js("return " + WebTests.SIDEWAYS_OVERFLOW)).intValue()).as("px off the screen").isZero();
        WebTests.docsScreenshot(b, "phone-log-viewer.png");
    }
}
