package io.promptmanager.ui.auth;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.prompt.PromptsView;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpViewTest extends ConsoleBrowserlessTest {

    @Test
    void signUpCreatesAFreeAccountAndSignsItIn() {
        // given
        String email = "linus-" + UUID.randomUUID() + "@example.com";
        navigate(SignUpView.class);

        // when
        fill(email, "Linus", PASSWORD);

        // then
        assertThat(getCurrentView()).isInstanceOf(PromptsView.class);
        assertThat(find(Span.class).id("user-name").getText()).isEqualTo("Linus");
        User created = services().userService().authenticate(email, PASSWORD, "127.0.0.1");
        assertThat(created.plan()).isEqualTo(Plan.FREE);
    }

    @Test
    void tooShortPasswordIsRefusedBeforeCallingCore() {
        // given
        String email = "short-" + UUID.randomUUID() + "@example.com";
        navigate(SignUpView.class);

        // when
        fill(email, "Shorty", "short");

        // then
        PasswordField password = find(PasswordField.class).id("password");
        assertThat(getCurrentView()).isInstanceOf(SignUpView.class);
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).isEqualTo("At least 10 characters");
    }

    @Test
    void takenEmailIsShownOnTheEmailField() {
        // given
        User existing = newUser("Existing User");
        navigate(SignUpView.class);

        // when
        fill(existing.email(), "Someone Else", PASSWORD);

        // then
        EmailField email = find(EmailField.class).id("email");
        assertThat(getCurrentView()).isInstanceOf(SignUpView.class);
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("An account with this e-mail address already exists.");
    }

    private void fill(String email, String displayName, String password) {
        test(find(EmailField.class).id("email")).setValue(email);
        test(find(TextField.class).id("display-name")).setValue(displayName);
        test(find(PasswordField.class).id("password")).setValue(password);
        test(find(Button.class).id("sign-up")).click();
    }
}
