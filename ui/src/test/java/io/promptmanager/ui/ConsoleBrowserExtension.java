package io.promptmanager.ui;

import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.AccountSettings;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real server over a fresh test platform, and one headless Chromium (Debian's, through its
 * chromedriver) with a profile of its own, for the console's browser tests: register it as a
 * static extension, one per test class.
 */
public final class ConsoleBrowserExtension implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final String windowSize;
    private TestPlatform platform;
    private ConsoleServer console;
    private ChromeDriver driver;
    private WebDriverWait wait;
    private Path profile;

    /** @param windowSize e.g. {@code 1280,900} */
    public ConsoleBrowserExtension(String windowSize) {
        this.windowSize = windowSize;
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
                "--window-size=" + windowSize, "--user-data-dir=" + profile);
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /** Each test starts as a new visitor: no cookies, no extra headers. */
    @Override
    public void afterEach(ExtensionContext context) {
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        driver.manage().deleteAllCookies();
    }

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
        driver.get(console.uri().resolve(path).toString());
    }

    public void type(String inputSelector, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(inputSelector)));
        input.clear();
        input.sendKeys(text);
    }

    /** Saves what the window shows as {@code target/screenshots/<name>}. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
