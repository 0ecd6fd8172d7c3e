package dev.errand.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.errand.sandbox.FileTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (no browser or driver
 * download). Outside CI the tests skip with a message when Chromium is missing; under
 * {@code CI=true} they fail, so a CI run never passes without them.
 *
 * <p>A test class gets a fresh one for each test as a JUnit extension: started before the test
 * with a new profile, what it saw kept when the test fails ({@link BrowserArtifacts}), closed after
 * the test, which then fails if the page raised script errors:
 * <pre>{@code @RegisterExtension final Browser b = Browser.perTest();}</pre>
 */
final class Browser implements BrowserArtifacts.Page, AutoCloseable, BeforeEachCallback, AfterTestExecutionCallback,
        AfterEachCallback {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    ChromeDriver driver;
    Path downloads;
    private Path ownDir;
    private final BrowserArtifacts artifacts = new BrowserArtifacts(() -> driver == null ? null : this);

    private Browser(ChromeDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    /** @return a browser that starts before each test of the class it is registered in and closes after it */
    static Browser perTest() {
        return new Browser(null, null);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        ownDir = Files.createTempDirectory("errand-browser-");
        Browser started = start(ownDir);
        driver = started.driver;
        downloads = started.downloads;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        artifacts.afterTestExecution(context);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        List<String> errors = driver == null ? List.of() : WebTests.scriptErrors(this);
        if (driver != null) {
            close();
            driver = null;
        }
        FileTree.delete(ownDir);
        assertThat(errors).as("script errors in the page").isEmpty();
    }

    /** Skips (or, under CI, fails) when Chromium or chromedriver is not installed. */
    static void requireChromium() {
        WebTests.requireInstalled("chromium chromium-driver", CHROMIUM, CHROMEDRIVER);
    }

    /**
     * Starts a headless Chromium with a fresh profile under {@code dir}.
     *
     * @param dir a scratch directory: profile and downloads
     */
    static Browser start(Path dir) {
        requireChromium();
        try {
            Path profile = Files.createDirectories(dir.resolve("profile"));
            Path downloads = Files.createDirectories(dir.resolve("downloads"));
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,860",
                    "--force-device-scale-factor=1", "--lang=en-US");
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "safebrowsing.enabled", false));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            return new Browser(driver, downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return waitFor(d -> d.findElement(By.cssSelector(css)), Duration.ofSeconds(10));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until {@code css} is visible with text containing {@code text}; returns the element. */
    WebElement waitForText(String css, String text, Duration timeout) {
        return waitFor(d -> {
            for (WebElement e : d.findElements(By.cssSelector(css))) {
                if (e.isDisplayed() && e.getText().contains(text)) {
                    return e;
                }
            }
            return null;
        }, timeout);
    }

    <T> T waitFor(Function<WebDriver, T> condition, Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(50)).ignoring(RuntimeException.class).until(condition::apply);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Saves a PNG screenshot of the page. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, png());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public byte[] png() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public String url() {
        return driver.getCurrentUrl();
    }

    @Override
    public String html() {
        return driver.getPageSource();
    }

    @Override
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
