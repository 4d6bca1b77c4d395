package io.promptmanager.app;

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
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Headless Chromium (Debian's, with its chromedriver) driving a running console, as a person
 * would: by element ids and visible texts. Vaadin's inputs are light DOM: {@code #id input}.
 */
final class ConsoleBrowser implements AutoCloseable {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final URI console;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    ConsoleBrowser(URI console) {
        this.console = console;
        try {
            this.profile = Files.createTempDirectory("pm-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // Vaadin re-renders parts of a page while a test waits on them: look the element up again;
        // a click that was covered (e.g. by a closing overlay) was not delivered: try it again
        wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    }

    void open(String path) {
        driver.get(url(path));
    }

    String url(String path) {
        return console.resolve(path).toString();
    }

    /** Signs in through the sign-in page and waits for the signed-in frame. */
    void signIn(String email, String password) {
        driver.manage().deleteAllCookies();
        open("login");
        type("#email input", email);
        type("#password input", password);
        click("sign-in");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("user-name")));
    }

    void type(String inputSelector, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(inputSelector)));
        input.clear();
        input.sendKeys(text);
    }

    void click(String id) {
        click(By.id(id));
    }

    /** Opens a Vaadin select and picks the item showing {@code text}. */
    void choose(String selectId, String text) {
        click(selectId);
        wait.until(ExpectedConditions.elementToBeClickable(
                // not the copy of the selected item that the select shows as its value
                By.xpath("//vaadin-select-item[not(starts-with(@id, 'value-'))][normalize-space(.)='" + text + "']")))
                .click();
    }

    /** Waits until grid {@code gridId} shows a cell reading exactly {@code text}. */
    void awaitCell(String gridId, String text) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(cell(gridId, text)));
    }

    /** Clicks the cell of grid {@code gridId} that reads exactly {@code text}, as soon as the grid shows it. */
    void clickCell(String gridId, String text) {
        click(cell(gridId, text));
    }

    private void click(By target) {
        wait.until(browser -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(browser);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    private static By cell(String gridId, String text) {
        return By.xpath("//*[@id='" + gridId + "']//vaadin-grid-cell-content[normalize-space(.)='" + text + "']");
    }

    void awaitText(String id, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    void awaitNoText(String id, String text) {
        wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text)));
    }

    void awaitVisible(String cssSelector) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /** The value of a Vaadin field's input. */
    String value(String inputSelector) {
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(inputSelector)));
        wait.until(driver -> !input.getDomProperty("value").isEmpty());
        return input.getDomProperty("value");
    }

    /** Waits until the browser is at an address starting with {@code prefix} (another site's too), and returns it. */
    String awaitAddress(String prefix) {
        wait.until(ExpectedConditions.urlMatches("^" + java.util.regex.Pattern.quote(prefix)));
        return driver.getCurrentUrl();
    }

    String text(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).getText();
    }

    /** Everything the browser holds for the page: its DOM as text, including input values set as properties. */
    String pageSource() {
        Object values = driver.executeScript(
                "return Array.from(document.querySelectorAll('input, textarea')).map(e => e.value).join('\\n');");
        return driver.getPageSource() + "\n" + values;
    }

    /**
     * Waits until {@link #pageSource()} satisfies {@code condition}: after a dialog closes, Vaadin
     * removes it and redraws the page in a later round trip.
     */
    void awaitPageSource(java.util.function.Predicate<String> condition) {
        wait.until(driver -> condition.test(pageSource()));
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
