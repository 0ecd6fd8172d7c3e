package dev.errand.server.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Keeps what a failed browser test saw: a screenshot, the page's HTML and the browser console,
 * in {@code target/browser-artifacts/<class>.<test>.*}. Runs right after the test method, before
 * {@code @AfterEach} closes the browser.
 */
final class BrowserArtifacts implements AfterTestExecutionCallback {
    static final Path DIR = Path.of("target", "browser-artifacts");
    private final Supplier<Browser> browser;

    BrowserArtifacts(Supplier<Browser> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        Browser b = browser.get();
        if (b == null || context.getExecutionException().isEmpty()) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        Files.createDirectories(DIR);
        try {
            b.screenshot(DIR.resolve(name + ".png"));
            Files.writeString(DIR.resolve(name + ".html"), b.driver.getCurrentUrl() + "\n" + b.driver.getPageSource());
            List<LogEntry> console = b.driver.manage().logs().get(LogType.BROWSER).getAll();
            Files.write(DIR.resolve(name + ".console.txt"), console.stream().map(LogEntry::toString).toList());
        } catch (RuntimeException e) {
            Files.writeString(DIR.resolve(name + ".error.txt"), "could not save the browser's state: " + e);
        }
    }
}
