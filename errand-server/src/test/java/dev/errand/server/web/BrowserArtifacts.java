package dev.errand.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps what a failed browser test saw: a screenshot, the page's address and HTML and the browser
 * console, in {@code target/browser-artifacts/<class>.<test>.*}. Runs right after the test method,
 * before {@code @AfterEach} closes the browser. Works with any browser that is a {@link Page}
 * (Chromium through Selenium, Firefox through WebDriver BiDi).
 */
final class BrowserArtifacts implements AfterTestExecutionCallback {
    static final Path DIR = Path.of("target", "browser-artifacts");
    private final Supplier<? extends Page> browser;

    /** A browser whose current page can be saved. Each method may throw when the browser is gone. */
    interface Page {
        /** @return a PNG screenshot of the viewport */
        byte[] png();

        /** @return the page's address */
        String url();

        /** @return the page's current HTML (the live DOM, not the source sent by the server) */
        String html();

        /** @return the browser console's messages so far, one entry each, oldest first */
        List<String> console();
    }

    /** @param browser the test's browser, or null before it started */
    BrowserArtifacts(Supplier<? extends Page> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        Page b = browser.get();
        if (b == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Files.createDirectories(DIR);
        try {
            Files.write(DIR.resolve(name + ".png"), b.png());
            Files.writeString(DIR.resolve(name + ".html"), b.url() + "\n" + b.html());
            Files.write(DIR.resolve(name + ".console.txt"), b.console());
        } catch (RuntimeException e) {
            Files.writeString(DIR.resolve(name + ".error.txt"), "could not save the browser's state: " + e);
        }
    }
}
