package io.promptmanager.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import io.promptmanager.core.byok.ByokStatus;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.LogRecords;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.ui.ByokPlatform;
import io.promptmanager.ui.ConsolePlatform;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ConsolePlatform(ByokPlatform.class)
class ByokViewTest extends ConsoleBrowserlessTest {
    private static final String KEY = "sk-or-v1-" + "0123456789abcdef".repeat(3) + "0123456789abc1d2";
    private static final String OTHER_KEY = "sk-or-v1-" + "fedcba9876543210".repeat(3) + "fedcba98765499ff";

    @AfterEach
    void resetTheFakeProvider() {
        provider().reset();
    }

    @Test
    void freeUserSeesWhatProBringsAndNoKeyField() {
        // given
        signIn(newUser("Free Fred"));

        // when
        navigate(ByokView.class);

        // then
        assertThat(find(Paragraph.class).id("upgrade-why").getText())
                .isEqualTo("Bringing your own OpenRouter key is part of the PRO plan.");
        assertThat(find(PasswordField.class).withId("byok-key").exists()).isFalse();
    }

    @Test
    void testAsksOpenRouterAboutTheTypedKeyWithoutSavingIt() {
        // given
        List<String> checked = new CopyOnWriteArrayList<>();
        provider().checksKeysWith(credentials -> {
            checked.add(credentials.apiKey());
            return new KeyCheck(true, "sk-or-v1-012...1d2", new BigDecimal("12.5"), false);
        });
        User ada = newProUser("Ada");
        signIn(ada);
        navigate(ByokView.class);

        // when
        test(find(PasswordField.class).id("byok-key")).setValue(KEY);
        test(find(Button.class).id("byok-test")).click();

        // then
        assertThat(checked).containsExactly(KEY);
        assertThat(find(Span.class).id("byok-check").getText())
                .isEqualTo("OpenRouter accepts this key (remaining credit: $12.50).");
        assertThat(notFound(() -> services().byokService().get(Actor.console(ada)))).isTrue();
    }

    @Test
    void aKeyOpenRouterRejectsIsSaidSo() {
        // given
        provider().checksKeysWith(credentials -> new KeyCheck(false, null, null, false));
        signIn(newProUser("Unlucky"));
        navigate(ByokView.class);

        // when
        test(find(PasswordField.class).id("byok-key")).setValue(KEY);
        test(find(Button.class).id("byok-test")).click();

        // then
        assertThat(find(Span.class).id("byok-check").getText()).isEqualTo("OpenRouter rejected this key.");
    }

    @Test
    void aMalformedKeyIsShownAtTheFieldWithoutRepeatingIt() {
        // given
        signIn(newProUser("Typo"));
        navigate(ByokView.class);

        // when
        test(find(PasswordField.class).id("byok-key")).setValue("sk-or-v1-not-a-key");
        test(find(Button.class).id("byok-save")).click();

        // then
        PasswordField field = find(PasswordField.class).id("byok-key");
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo("An OpenRouter key is sk-or-v1- followed by 64 hexadecimal characters.");
    }

    @Test
    void savedKeyShowsOnlyItsLast4AndDateAndIsNowhereInThePageOrTheLogs() {
        // given
        User grace = newProUser("Grace");
        signIn(grace);
        navigate(ByokView.class);
        String log;

        // when
        try (LogRecords logs = LogRecords.capture()) {
            test(find(PasswordField.class).id("byok-key")).setValue(KEY);
            assertThat(pageContent()).as("the key is in the page until it is submitted").contains(KEY);
            test(find(Button.class).id("byok-save")).click();
            log = logs.text();
        }

        // then
        ByokStatus saved = services().byokService().get(Actor.console(grace));
        assertThat(saved.last4()).isEqualTo("c1d2");
        assertThat(find(Span.class).id("byok-status").getText()).startsWith("Key ending in …c1d2, last updated ");
        assertThat(find(PasswordField.class).withId("byok-key").exists()).isFalse();
        assertThat(pageContent()).doesNotContain(KEY);
        assertThat(log).doesNotContain(KEY);
    }

    @Test
    void replacingTheKeySavesTheNewOneAndCancelKeepsTheOld() {
        // given
        User ken = newProUser("Ken");
        services().byokService().put(Actor.console(ken), KEY);
        signIn(ken);
        navigate(ByokView.class);

        // when cancelled
        test(find(Button.class).id("byok-replace")).click();
        test(find(Button.class).id("byok-cancel")).click();

        // then
        assertThat(find(PasswordField.class).withId("byok-key").exists()).isFalse();

        // when replaced
        test(find(Button.class).id("byok-replace")).click();
        test(find(PasswordField.class).id("byok-key")).setValue(OTHER_KEY);
        test(find(Button.class).id("byok-save")).click();

        // then
        assertThat(services().byokService().get(Actor.console(ken)).last4()).isEqualTo("99ff");
        assertThat(find(Span.class).id("byok-status").getText()).startsWith("Key ending in …99ff");
        assertThat(pageContent()).doesNotContain(OTHER_KEY).doesNotContain(KEY);
    }

    @Test
    void deletingAsksForConfirmationThenRunsGoBackToThePlatformsKey() {
        // given
        User bob = newProUser("Bob");
        services().byokService().put(Actor.console(bob), KEY);
        signIn(bob);
        navigate(ByokView.class);

        // when
        test(find(Button.class).id("byok-delete")).click();
        test(find(ConfirmDialog.class).id("byok-delete-dialog")).confirm();

        // then
        assertThat(notFound(() -> services().byokService().get(Actor.console(bob)))).isTrue();
        assertThat(find(Span.class).withId("byok-status").exists()).isFalse();
        assertThat(find(PasswordField.class).withId("byok-key").exists()).isTrue();
    }

    @Test
    void aUserBackOnFreeSeesTheirInactiveKeyAndCanDeleteIt() {
        // given
        User eve = newProUser("Eve");
        services().byokService().put(Actor.console(eve), KEY);
        services().userService().update(Actor.console(admin()), eve.id(),
                new io.promptmanager.core.user.UserChanges(io.promptmanager.core.plan.Plan.FREE, null, null));
        signIn(eve);

        // when
        navigate(ByokView.class);

        // then
        assertThat(find(Span.class).id("byok-inactive").getText())
                .isEqualTo("Inactive: your plan does not include BYOK, so runs use the platform’s key.");
        assertThat(find(Button.class).withId("byok-replace").exists()).isFalse();
        assertThat(find(Button.class).id("byok-delete").isEnabled()).isTrue();
    }

    private static FakeModelProvider provider() {
        return platform().provider();
    }

    private static boolean notFound(Runnable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call::run);
        return e != null && e.code() == ErrorCode.NOT_FOUND;
    }
}
