package io.promptmanager.ui.settings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountViewTest extends ConsoleBrowserlessTest {
    private static final String NEW_PASSWORD = "an even better password";

    @Test
    void showsTheUsersNameEmailAndPlan() {
        // given
        User ada = newProUser("Ada Lovelace");
        signIn(ada);

        // when
        navigate(AccountView.class);

        // then
        assertThat(find(TextField.class).id("account-display-name").getValue()).isEqualTo("Ada Lovelace");
        assertThat(find(TextField.class).id("account-email").getValue()).isEqualTo(ada.email());
        assertThat(find(TextField.class).id("account-email").isReadOnly()).isTrue();
        assertThat(find(Span.class).id("account-plan").getText()).isEqualTo("Pro");
    }

    @Test
    void changesThePasswordAfterCheckingTheCurrentOneAndClearsTheFields() {
        // given
        User grace = newUser("Grace");
        signIn(grace);
        navigate(AccountView.class);

        // when
        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD);

        // then
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Your password has been changed.");
        assertThat(services().userService().authenticate(grace.email(), NEW_PASSWORD, "127.0.0.1").id())
                .isEqualTo(grace.id());
        assertThat(find(PasswordField.class).id("current-password").getValue()).isEmpty();
        assertThat(pageContent()).doesNotContain(NEW_PASSWORD).doesNotContain(PASSWORD);
    }

    @Test
    void aWrongCurrentPasswordIsShownAtItsFieldAndChangesNothing() {
        // given
        User linus = newUser("Linus");
        signIn(linus);
        navigate(AccountView.class);

        // when
        changePassword("not my password", NEW_PASSWORD, NEW_PASSWORD);

        // then
        PasswordField current = find(PasswordField.class).id("current-password");
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("This is not your current password.");
        assertThatThrownBy(() -> services().userService().authenticate(linus.email(), NEW_PASSWORD, "127.0.0.1"))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void aDifferentConfirmationOrATooShortPasswordIsShownAtItsField() {
        // given
        User ken = newUser("Ken");
        signIn(ken);
        navigate(AccountView.class);

        // when
        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!");

        // then
        PasswordField confirm = find(PasswordField.class).id("confirm-password");
        assertThat(confirm.isInvalid()).isTrue();
        assertThat(confirm.getErrorMessage()).isEqualTo("The two new passwords are not the same.");

        // when
        changePassword(PASSWORD, "short", "short");

        // then
        PasswordField fresh = find(PasswordField.class).id("new-password");
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).isEqualTo("At least 10 characters");
        assertThat(services().userService().authenticate(ken.email(), PASSWORD, "127.0.0.1").id()).isEqualTo(ken.id());
    }

    private void changePassword(String current, String fresh, String confirm) {
        test(find(PasswordField.class).id("current-password")).setValue(current);
        test(find(PasswordField.class).id("new-password")).setValue(fresh);
        test(find(PasswordField.class).id("confirm-password")).setValue(confirm);
        test(find(Button.class).id("change-password")).click();
    }
}
