package io.promptmanager.ui;

import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real console (fresh test platform and database, loopback port) and one headless Chromium
 * (Debian's, through its chromedriver) with a profile of its own, for browser journeys. Register
 * it as a static extension, one per test class:
 * {@code @RegisterExtension static final ConsoleBrowser browser = new ConsoleBrowser();}.
 * Each test starts as a new visitor (no cookies, no extra headers). Vaadin inputs are light DOM,
 * so {@link #type} takes a selector such as {@code #email input}.
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    /** Where journeys leave a PNG of their final page. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final int width;
    private final int height;
    private TestPlatform platform;
    private ConsoleServer console;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    /** An English browser, 1280×900. */
    public ConsoleBrowser() {
        this(1280, 900);
    }

    public ConsoleBrowser(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        platform = TestPlatform.start();
        console = ConsoleServer.start(ConsoleSettings.loopbackRandomPort(),
                new ConsoleContext(platform.services(), AccountSettings.defaults()));
        profile = Files.createTempDirectory("pm-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // Vaadin re-renders parts of a page while a test waits on them: look the element up again;
        // a click that was covered (e.g. by a closing overlay) was not delivered: try it again
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    }

    /** Each test starts as a new visitor: no cookies, no extra headers. */
    @Override
    public void afterEach(ExtensionContext context) {
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.manage().deleteAllCookies();
    }

    /** Stops what was started, even when the start failed half-way. */
    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (console != null) {
            console.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    public TestPlatform platform() {
        return platform;
    }

    public ConsoleServer console() {
        return console;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return wait;
    }

    public void open(String path) {
        driver.get(url(path));
    }

    public String url(String path) {
        return console.uri().resolve(path).toString();
    }

    public void type(String inputSelector, CharSequence... keys) {
        WebElement input = wait.until(browser -> {
            WebElement found = browser.findElement(By.cssSelector(inputSelector));
            scrollToMiddle(found);
            if (!found.isDisplayed() || !found.isEnabled()) {
                return null;
            }
            found.clear();
            return found;
        });
        input.sendKeys(keys);
    }

    /**
     * Scrolls the element into the middle of the window first: the console's pages are taller
     * than the window. Tries again while the element is being re-rendered or is covered.
     */
    public void click(String id) {
        wait.until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(By.id(id)).apply(browser);
            if (element == null) {
                return false;
            }
            scrollToMiddle(element);
            element.click();
            return true;
        });
    }

    /** Waits until the element's text contains {@code text}, even while it is scrolled out of sight. */
    public void waitForText(String id, String text) {
        wait.until(ExpectedConditions.attributeContains(By.id(id), "textContent", text));
    }

    /** Signs in through the sign-in page and waits for the signed-in frame to greet {@code displayName}. */
    public void signIn(String email, String password, String displayName) {
        open("login");
        type("#email input", email);
        type("#password input", password);
        click("sign-in");
        waitForText("user-name", displayName);
    }

    /** Waits until every notification has closed by itself, so that a screenshot shows the page alone. */
    public void awaitNoNotification() {
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("vaadin-notification-card"), 0));
    }

    private void scrollToMiddle(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
