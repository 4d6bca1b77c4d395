package io.promptmanager.ui.auth;

import com.vaadin.flow.component.html.Span;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Its own class, hence its own database: the failures it piles up throttle the test client address. */
class LoginThrottlingTest extends ConsoleBrowserlessTest {
    private static final String GENERIC_ERROR = "Incorrect e-mail address or password.";

    @Test
    void repeatedFailuresShowWhenToTryAgain() {
        // given
        User alan = newUser("Alan Turing");

        // when
        String error = GENERIC_ERROR;
        for (int attempt = 0; attempt < 20 && error.equals(GENERIC_ERROR); attempt++) {
            signIn(alan.email(), "wrong password " + attempt);
            error = find(Span.class).id("auth-error").getText();
        }

        // then
        assertThat(error).matches("Too many failed sign-ins\\. Try again in \\d+ seconds\\.");
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
    }
}
