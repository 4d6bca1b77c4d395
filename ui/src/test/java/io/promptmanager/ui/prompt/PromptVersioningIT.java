package io.promptmanager.ui.prompt;

import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journey of a new FREE user in a real browser: sign up, create a prompt, write its first
 * version in the draft editor, promote it, run it from its page three times, and be refused the
 * fourth with a way to upgrade. Also the diff page.
 */
class PromptVersioningIT {
    private static final String PASSWORD = "correct horse battery staple";

    @RegisterExtension
    static final ConsoleBrowser browser = new ConsoleBrowser(1280, 1000);

    @Test
    void newUserWritesPromotesAndRunsAPromptUntilTheFreePlanRefusesTheFourthRun() throws IOException {
        // sign up
        String email = "hedy-" + UUID.randomUUID() + "@example.com";
        browser.open("signup");
        browser.type("#email input", email);
        browser.type("#display-name input", "Hedy");
        browser.type("#password input", PASSWORD);
        browser.click("sign-up");
        browser.waitForText("prompts-empty", "You have no prompts yet.");

        // create a prompt
        browser.click("new-prompt");
        browser.type("#prompt-name input", "welcome-email");
        browser.type("#prompt-description textarea", "Welcomes a new customer");
        browser.click("prompt-save");
        browser.click("open-welcome-email");
        browser.waitForText("page-title", "welcome-email");
        browser.waitForText("editor-status", "No version yet.");

        // write the first version in the draft editor
        browser.type("#message-content-0 textarea", "Write a short welcome e-mail to {{customer}}.");
        browser.click("add-variable");
        browser.type("#variable-name-0 input", "customer");
        browser.type("#temperature input", "0.4");
        browser.type("#commit-message input", "First welcome e-mail");
        browser.type("#model input", "llama");
        // the items come from the server: wait for the filtered one before choosing it
        browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("vaadin-combo-box-item")))
                .click();
        browser.await().until(ExpectedConditions.attributeContains(By.cssSelector("#model input"), "value", "llama"));
        browser.driver().executeScript("document.getElementById('page-title').scrollIntoView()");
        browser.screenshot("prompt-editor");
        browser.click("save-draft");
        browser.waitForText("editor-status", "Editing draft v1.");

        // promote it from the history
        browser.click("tab-versions");
        browser.waitForText("status-1", "Draft");
        browser.click("promote-1");
        browser.waitForText("status-1", "Production");
        browser.await().until(ExpectedConditions.attributeToBe(By.id("status-1"), "data-status", "PRODUCTION"));
        User hedy = browser.platform().services().userService().list(
                        Actor.console(admin()), email, PageRequest.firstPage())
                .items().getFirst();
        var production = browser.platform().services().versionService()
                .get(Actor.console(hedy), "welcome-email", 1);
        assertThat(production.status()).isEqualTo(VersionStatus.PRODUCTION);
        assertThat(production.model()).isEqualTo(FakeModelProvider.FREE_MODEL);
        assertThat(production.parameters().temperature()).isEqualByComparingTo("0.4");
        browser.screenshot("prompt-versioning");

        // open its run panel from the prompt's page
        FakeModelProvider model = browser.platform().provider();
        model.reset();
        model.willNext(IntStream.rangeClosed(1, 3).mapToObj(n -> FakeModelProvider.Answer.reply(
                "Welcome aboard, customer " + n + "!", FakeModelProvider.usage(12, 6, null)))
                .toArray(FakeModelProvider.Answer[]::new));
        browser.click("run");
        browser.waitForText("run-title", "welcome-email");
        browser.waitForText("quota-text", "3 of 3 runs left today");

        // run it three times: each answer shows as it is recorded, and the runs left go down
        for (int n = 1; n <= 3; n++) {
            browser.type("#variable-customer textarea", "customer " + n);
            browser.click("run");
            browser.waitForText("quota-text", n < 3 ? (3 - n) + " of 3 runs left today" : "No runs left today");
            browser.waitForText("run-output", "Welcome aboard, customer " + n + "!");
            browser.waitForText("run-status", "Succeeded");
        }
        assertThat(model.requests()).extracting(request -> request.messages().getLast().content())
                .containsExactly("Write a short welcome e-mail to customer 1.",
                        "Write a short welcome e-mail to customer 2.", "Write a short welcome e-mail to customer 3.");

        // the fourth is refused, with the reason and a way to upgrade
        browser.type("#variable-customer textarea", "customer 4");
        browser.click("run");
        browser.waitForText("run-error", "You have used today’s 3 runs of the Free plan.");
        browser.waitForText("run-status", "Failed");
        WebElement upgrade = browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.id("run-upgrade")));
        assertThat(upgrade.getText()).isEqualTo("Upgrade to Pro");
        assertThat(model.requests()).hasSize(3);
        browser.awaitNoNotification(); // "v1 is now in production." may still be on screen
        Path screenshot = browser.screenshot("journey-free-user");
        assertThat(Files.size(screenshot)).isPositive();
    }

    @Test
    void diffPageShowsTwoVersionsSideBySide() throws IOException {
        // given
        var users = browser.platform().services().userService();
        User ada = users.signUp(new SignUp("ada-" + UUID.randomUUID() + "@example.com", PASSWORD, "Ada"));
        Actor actor = Actor.console(ada);
        browser.platform().services().promptService().create(actor,
                new PromptInput("support-reply", "Answers a support ticket", null, List.of("support")));
        for (String text : List.of("You are a support agent.\nAnswer {{ticket}} briefly.\nSign as the team.",
                "You are a friendly support agent.\nAnswer {{ticket}} briefly.\nOffer further help.\nSign as the team.")) {
            browser.platform().services().versionService().create(actor, "support-reply", new VersionInput(
                    List.of(new Message("system", text)),
                    List.of(new VariableDeclaration("ticket", "string", true, null, "The ticket text")),
                    FakeModelProvider.FREE_MODEL, ModelParameters.none(), "wording " + text.length()));
        }
        browser.signIn(ada.email(), PASSWORD, "Ada");

        // when
        browser.open("prompts/support-reply/diff?from=1&to=2");

        // then
        browser.waitForText("page-subtitle", "Changes from v1 to v2");
        List<String> removed = browser.driver().findElements(By.cssSelector("#diff-0 [data-change=removed]")).stream()
                .map(cell -> cell.getAttribute("textContent")).toList();
        List<String> added = browser.driver().findElements(By.cssSelector("#diff-0 [data-change=added]")).stream()
                .map(cell -> cell.getAttribute("textContent")).toList();
        assertThat(removed).containsExactly("− You are a support agent.");
        assertThat(added).containsExactly("+ You are a friendly support agent.", "+ Offer further help.");
        browser.screenshot("version-diff");
    }

    private static User admin() {
        var users = browser.platform().services().userService();
        users.ensureInitialAdmin("admin@example.com", PASSWORD);
        return users.authenticate("admin@example.com", PASSWORD, "127.0.0.1");
    }
}
