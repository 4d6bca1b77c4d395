package io.promptmanager.ui.auth;

import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.base.NotFoundView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignUpDisabledTest extends ConsoleBrowserlessTest {

    @Override
    protected AccountSettings accountSettings() {
        return new AccountSettings(false, AccountSettings.defaults().minPasswordLength());
    }

    @Test
    void signInPageOffersNoSignUp() {
        // when
        navigate(LoginView.class);

        // then
        assertThat(find(RouterLink.class).withId("sign-up-link").exists()).isFalse();
    }

    @Test
    void signUpPageDoesNotExist() {
        // when / then
        navigate(SignUpView.ROUTE, NotFoundView.class);
    }
}
