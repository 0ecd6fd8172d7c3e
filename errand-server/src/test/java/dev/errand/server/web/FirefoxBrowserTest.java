package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web app's main path in Debian's headless Firefox ESR, driven over WebDriver BiDi (see
 * {@link Firefox}), against a real server: the app must work in current Chromium and Firefox, and
 * the Chromium tests cover the rest in depth.
 */
class FirefoxBrowserTest {
    /** 50 lines, green then plain, over about 5 s: long enough to be seen arriving on a busy machine. */
    private static final String COMMAND =
            "for i in $(seq 1 50); do printf '\\033[32mgreen %d\\033[0m plain\\n' $i; sleep 0.1; done";
    /** The line count while the status is RUNNING, else null. */
    private static final String LIVE_COUNT = """
            (() => { const s = document.querySelector('#status'), c = document.querySelector('#line-count');
              const running = s && c && s.textContent.trim() === 'RUNNING';
              return running ? parseInt(c.textContent.replace(/,/g, ''), 10) || null : null; })()""";
    @TempDir
    Path dir;
    Firefox firefox;
    @RegisterExtension
    final BrowserArtifacts artifacts = new BrowserArtifacts(() -> firefox == null ? null : firefox.tab());

    @BeforeAll
    static void requireFirefox() {
        Firefox.requireFirefox();
    }

    @BeforeEach
    void openFirefox() throws InterruptedException {
        firefox = Firefox.start(dir.resolve("firefox"));
    }

    @AfterEach
    void closeFirefox() {
        if (firefox == null) {
            return; // it did not start; the failure says why
        }
        List<String> errors = firefox.tab().console().stream().filter(e -> e.startsWith("error ")).toList();
        firefox.close();
        assertThat(errors).as("script errors in the page").isEmpty();
    }

    @Test
    void aRunStartedAfterSigningInShowsColouredLinesLiveUntilItSucceedsAndFitsAPhone() throws Exception {
        try (TestServer server = TestServer.start(dir.resolve("server"))) {
            String base = server.base();
            BidiTab tab = firefox.tab();
            tab.viewport(1280, 860);
            tab.open(base + "/run");
            tab.waitFor("location.pathname === '/sign-in' && document.querySelector('#api-key')", Duration.ofSeconds(20));
            type(tab, "#api-key", server.key());
            click(tab, "#sign-in");
            tab.waitFor("location.pathname === '/run' && document.querySelector('#command')", Duration.ofSeconds(20));
            type(tab, "#command", COMMAND);
            click(tab, "#run");

            int first = ((Number) tab.waitFor(LIVE_COUNT, Duration.ofSeconds(30))).intValue();
            assertThat(first).as("lines shown at the first look while RUNNING").isLessThan(50);
            tab.waitFor("((n) => n > " + first + ")(" + LIVE_COUNT + ")", Duration.ofSeconds(10));
            List<?> green = (List<?>) tab.waitFor("""
                    (() => { const s = document.querySelector('.logview .line .tx .ansi-green-fg');
                      return s && [s.textContent, getComputedStyle(s).color, getComputedStyle(s.parentElement).color]; })()""",
                    Duration.ofSeconds(5));
            assertThat((String) green.get(0)).matches("green \\d+");
            assertThat(green.get(1)).as("the colour of .ansi-green-fg in app.css").isEqualTo("rgb(63, 185, 80)");
            assertThat(green.get(2)).as("the plain text's colour").isNotEqualTo(green.get(1));

            tab.waitFor("document.querySelector('#status').textContent.trim() === 'SUCCEEDED'", Duration.ofSeconds(30));
            tab.waitFor("document.querySelector('#line-count').textContent === '50 lines'", Duration.ofSeconds(10));
            assertThat((String) tab.js("document.querySelector('.logview').textContent")).contains("green 50 plain");

            tab.viewport(390, 844);
            tab.waitFor("window.innerWidth === 390", Duration.ofSeconds(5));
            assertThat(((Number) tab.js(WebTests.SIDEWAYS_OVERFLOW)).intValue()).as("px off the screen").isZero();
            tab.open(base + "/executions");
            tab.waitFor("document.querySelector('#executions tbody tr')", Duration.ofSeconds(10));
            assertThat(((Number) tab.js(WebTests.SIDEWAYS_OVERFLOW)).intValue()).as("px off the screen").isZero();
        }
    }

    /** Sets an input's value by script as typing would, with the input event the page may listen for. */
    private static void type(BidiTab tab, String css, String text) {
        tab.call("(css, text) => { const e = document.querySelector(css); e.focus(); e.value = text;"
                + " e.dispatchEvent(new Event('input', { bubbles: true })); }", css, text);
    }

    private static void click(BidiTab tab, String css) {
        tab.call("(css) => document.querySelector(css).click()", css);
    }
}
