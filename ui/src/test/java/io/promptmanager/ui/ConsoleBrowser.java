package io.promptmanager.ui;

import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real console (fresh database, loopback port) and a headless Chromium pointed at it, for
 * browser journeys: start one per test class, close it after. Vaadin inputs are light DOM, so
 * {@link #type} takes a selector such as {@code #email input}.
 */
public final class ConsoleBrowser implements AutoCloseable {
    /** Where journeys leave a PNG of their final page. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final TestPlatform platform;
    private final ConsoleServer console;
    private final ChromeDriver browser;
    private final Path profile;
    private final WebDriverWait wait;

    private ConsoleBrowser(TestPlatform platform, ConsoleServer console, ChromeDriver browser, Path profile) {
        this.platform = platform;
        this.console = console;
        this.browser = browser;
        this.profile = profile;
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** An English browser, 1280×900. */
    public static ConsoleBrowser start() throws IOException {
        TestPlatform platform = TestPlatform.start();
        ConsoleServer console = null;
        try {
            console = ConsoleServer.start(ConsoleSettings.loopbackRandomPort(),
                    new ConsoleContext(platform.services(), AccountSettings.defaults()));
            Path profile = Files.createTempDirectory("pm-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                    "--window-size=1280,900", "--user-data-dir=" + profile);
            ChromeDriverService driverService = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            return new ConsoleBrowser(platform, console, new ChromeDriver(driverService, options), profile);
        } catch (IOException | RuntimeException e) {
            if (console != null) {
                console.close();
            }
            platform.close();
            throw e;
        }
    }

    public TestPlatform platform() {
        return platform;
    }

    public ConsoleServer console() {
        return console;
    }

    public ChromeDriver driver() {
        return browser;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void open(String path) {
        browser.get(url(path));
    }

    public String url(String path) {
        return console.uri().resolve(path).toString();
    }

    public void type(String inputSelector, CharSequence... keys) {
        WebElement input = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(inputSelector)));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        wait.until(ExpectedConditions.elementToBeClickable(input)).clear();
        input.sendKeys(keys);
    }

    /** Scrolls the element into the middle of the window first: the console's pages are taller than the window. */
    public void click(String id) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /** Waits until the element's text contains {@code text}, even while it is scrolled out of sight. */
    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.attributeContains(By.id(id), "textContent", text));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        console.close();
        platform.close();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}
