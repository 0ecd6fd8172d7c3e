package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.TestServer;
import dev.errand.server.TestUsers;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** Users, keys, secrets, locks, images and the audit log in the browser, each for the roles allowed. */
class ResourcePagesBrowserTest {
    @RegisterExtension
    static final TestServer server = TestServer.perClass();
    final String base = server.base();
    @RegisterExtension
    final Browser b = Browser.perTest();

    @Test
    void anAdminInvitesAUserChangesTheRoleAndRevokesIt() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/users");
        b.find("#create").click();
        String email = TestUsers.email("invited");
        b.find("#field-email").sendKeys(email);
        b.find("#field-role").sendKeys("viewer");
        b.find("#create-form button[type=submit]").click();
        String token = b.waitForText("#shown-once", "", Duration.ofSeconds(10)).getText();
        assertThat(b.find("#notes").getText()).contains(email).contains("/claim?token=").contains("errand claim");
        b.waitForText("#users-table tbody tr", email, Duration.ofSeconds(10));
        WebTests.docsScreenshot(b, "users.png");
        assertThat(TestUsers.claim(server, token, "from-the-page").statusCode()).isEqualTo(201);

        b.waitFor(d -> rowOf(email).findElements(By.cssSelector(".role-select")).isEmpty() ? null : true,
                Duration.ofSeconds(10));
        new Select(rowOf(email).findElement(By.cssSelector(".role-select")))
                .selectByValue("operator");
        b.waitForText("#notes", email + " is now operator", Duration.ofSeconds(10));
        clickTwice(rowOf(email), "Revoke");
        b.waitForText("#notes", "Revoke: done", Duration.ofSeconds(10));
        b.waitFor(d -> b.find("#users-table").getText().contains(email) ? null : true, Duration.ofSeconds(10));
    }

    @Test
    void anyoneMakesAKeySeenOnceAndRevokesIt() throws Exception {
        String developer = TestUsers.create(server, TestUsers.email("keys"), "developer").key();
        WebTests.signInByCookie(b, base, developer);
        b.open(base + "/keys");
        b.waitForText("#keys-table", "this browser", Duration.ofSeconds(10));
        b.find("#create").click();
        b.find("#field-name").sendKeys("ci-key");
        b.find("#field-expires_in_days").sendKeys("30");
        b.find("#create-form button[type=submit]").click();
        String key = b.waitForText("#shown-once", "erk_", Duration.ofSeconds(10)).getText();
        assertThat(server.send("GET", "/api/v1/executions", null, key).statusCode()).isEqualTo(200);
        b.waitForText("#keys-table tbody tr", "ci-key", Duration.ofSeconds(10));
        clickTwice(rowOf("ci-key"), "Revoke");
        b.waitForText("#notes", "Revoke: done", Duration.ofSeconds(10));
        assertThat(server.send("GET", "/api/v1/executions", null, key).statusCode()).isEqualTo(401);
    }

    @Test
    void secretsShowNamesOnlyAndLocksCanBeReleased() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/secrets");
        b.find("#create").click();
        b.find("#field-name").sendKeys("deploy-token");
        b.find("#field-env_name").sendKeys("DEPLOY_TOKEN");
        b.find("#field-value").sendKeys("s3cr3t-value-from-the-page");
        b.find("#create-form button[type=submit]").click();
        b.waitForText("#secrets-table tbody tr", "DEPLOY_TOKEN", Duration.ofSeconds(10));
        assertThat(b.driver.getPageSource()).doesNotContain("s3cr3t-value-from-the-page");

        String id = WebTests.runJson(server, "{\"command\":\"sleep 60\",\"lock\":\"deploy\"}");
        b.open(base + "/locks");
        b.waitForText("#locks-table tbody tr", id, Duration.ofSeconds(20));
        clickTwice(rowOf("deploy"), "Release");
        b.waitForText("#notes", "Release: done", Duration.ofSeconds(10));
        server.send("POST", "/api/v1/executions/" + id + "/kill", null);
    }

    @Test
    void theAuditLogVerifiesItsChainAndImagesShowTheDefault() throws Exception {
        WebTests.signInByCookie(b, base, server.key());
        b.open(base + "/audit");
        b.waitForText("#audit-table tbody tr", "session.create", Duration.ofSeconds(10));
        b.find("#verify-chain").click();
        b.waitForText("#notes", "The chain is intact", Duration.ofSeconds(10));
        b.open(base + "/images");
        b.waitForText("#images-table tbody tr", "host", Duration.ofSeconds(10));
        assertThat(rowOf("host").getText()).contains("yes");
    }

    @Test
    void aDeveloperSeesNeitherUsersNorTheAuditLog() throws Exception {
        WebTests.signInByCookie(b, base, TestUsers.create(server, TestUsers.email("developer"), "developer").key());
        b.open(base + "/executions");
        b.find("#executions");
        assertThat(b.find("nav").getText()).contains("Executions", "Run", "Images", "Secrets", "Locks", "API keys")
                .doesNotContain("Users").doesNotContain("Audit");
        b.open(base + "/users");
        b.waitForText(".banner.info", "does not offer users to your role", Duration.ofSeconds(10));
        b.open(base + "/secrets");
        b.waitForText("p.empty, #secrets-table", "", Duration.ofSeconds(10));
        assertThat(b.all("#create")).isEmpty();
    }

    private WebElement rowOf(String text) {
        return b.waitForText("tbody tr", text, Duration.ofSeconds(10));
    }

    private void clickTwice(WebElement row, String label) {
        row.findElement(By.xpath(".//button[normalize-space()='" + label + "']")).click();
        row.findElement(By.xpath(".//button[starts-with(normalize-space(), 'Confirm')]")).click();
    }
}
