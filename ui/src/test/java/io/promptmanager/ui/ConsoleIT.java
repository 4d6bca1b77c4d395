package io.promptmanager.ui;

import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.User;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (headless Chromium) against a real server and database. One
 * browser for the class; each test starts with no cookies, i.e. as a new visitor.
 */
class ConsoleIT {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String SESSION_COOKIE = "PM_CONSOLE_SESSION";

    @RegisterExtension
    static final ConsoleBrowser session = new ConsoleBrowser();
    private static TestPlatform platform;
    private static ConsoleServer console;
    private static ChromeDriver browser;
    private static WebDriverWait wait;

    @BeforeAll
    static void start() {
        platform = session.platform();
        console = session.console();
        browser = session.driver();
        wait = session.await();
    }

    @Test
    void signInShowsTheUsersPromptsUnderANewSessionThenLogOutEndsIt() {
        // given
        User ada = newUser("Ada Lovelace");
        platform.services().promptService().create(Actor.console(ada),
                new PromptInput("release-notes", "Writes release notes", null, List.of("docs")));
        open("login");
        String anonymousSession = sessionCookie();

        // when
        signIn(ada.email(), PASSWORD);

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Ada Lovelace"));
        wait.until(driver -> gridTexts().contains("release-notes"));
        assertThat(gridTexts()).contains("Writes release notes", "docs");
        assertThat(sessionCookie()).isNotNull().isNotEqualTo(anonymousSession);

        // when
        browser.findElement(By.id("log-out")).click();

        // then
        wait.until(ExpectedConditions.urlToBe(console.uri().resolve("login").toString()));
        open("prompts");
        wait.until(ExpectedConditions.urlToBe(console.uri().resolve("login").toString()));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in")));
    }

    @Test
    void anonymousVisitOfPromptsLandsOnSignIn() {
        // when
        open("prompts");

        // then
        wait.until(ExpectedConditions.urlToBe(console.uri().resolve("login").toString()));
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
    }

    @Test
    void wrongPasswordShowsTheError() {
        // given
        User grace = newUser("Grace Hopper");
        open("login");

        // when
        signIn(grace.email(), "not the password");

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("auth-error"),
                "Incorrect e-mail address or password."));
        assertThat(browser.getCurrentUrl()).isEqualTo(console.uri().resolve("login").toString());
    }

    @Test
    void signUpThroughThePageOpensAnEmptyPromptList() {
        // given
        open("signup");
        String email = "linus-" + UUID.randomUUID() + "@example.com";

        // when
        type("#email input", email);
        type("#display-name input", "Linus");
        type("#password input", PASSWORD);
        browser.findElement(By.id("sign-up")).click();

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("user-name"), "Linus"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prompts-empty"),
                "You have no prompts yet."));
    }

    @Test
    void frenchBrowserGetsTheConsoleInFrench() {
        // given
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Accept-Language", "fr-FR,fr;q=0.9")));

        // when
        open("login");

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sign-in"), "Se connecter"));
    }

    @Test
    void unknownAddressShowsNotFound() {
        // when
        open("no-such-page");

        // then
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error-title"), "Page not found"));
    }

    private static User newUser(String displayName) {
        String email = displayName.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
        return platform.services().userService().signUp(new SignUp(email, PASSWORD, displayName));
    }

    private static void open(String path) {
        session.open(path);
    }

    private static void signIn(String email, String password) {
        type("#email input", email);
        type("#password input", password);
        browser.findElement(By.id("sign-in")).click();
    }

    private static void type(String inputSelector, String text) {
        session.type(inputSelector, text);
    }

    private static String sessionCookie() {
        Cookie cookie = browser.manage().getCookieNamed(SESSION_COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private static List<String> gridTexts() {
        return browser.findElements(By.cssSelector("#prompts vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .toList();
    }
}
