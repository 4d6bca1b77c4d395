package io.promptmanager.ui.auth;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedHttpSession;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.prompt.PromptsView;
import jakarta.servlet.http.HttpSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginViewTest extends ConsoleBrowserlessTest {

    @Test
    void anonymousVisitorOfPromptsIsSentToSignIn() {
        // when
        LoginView view = navigate(PromptsView.ROUTE, LoginView.class);

        // then
        assertThat(view).isNotNull();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(LoginView.ROUTE);
    }

    @Test
    void signInWithTheRightPasswordOpensPromptsUnderANewSessionId() {
        // given
        User ada = newUser("Ada Lovelace");
        navigate(LoginView.class);
        String sessionIdBefore = VaadinSession.getCurrent().getSession().getId();

        // when
        signIn(ada);

        // then
        assertThat(getCurrentView()).isInstanceOf(PromptsView.class);
        assertThat(VaadinSession.getCurrent().getSession().getId()).isNotEqualTo(sessionIdBefore);
        assertThat(find(Span.class).id("user-name").getText()).isEqualTo("Ada Lovelace");
        assertThat(find(Span.class).id("user-plan").getText()).isEqualTo("Free");
    }

    @Test
    void wrongPasswordShowsTheGenericErrorAndStaysOnSignIn() {
        // given
        User grace = newUser("Grace Hopper");

        // when
        signIn(grace.email(), "not the password");

        // then
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(Span.class).id("auth-error").getText()).isEqualTo("Incorrect e-mail address or password.");
    }

    @Test
    void unknownEmailShowsTheSameErrorAsAWrongPassword() {
        // when
        signIn("nobody-" + System.nanoTime() + "@example.com", PASSWORD);

        // then
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(Span.class).id("auth-error").getText()).isEqualTo("Incorrect e-mail address or password.");
    }

    @Test
    void offersSignUpWhenItIsSwitchedOn() {
        // when
        navigate(LoginView.class);

        // then
        assertThat(find(RouterLink.class).id("sign-up-link").getHref()).isEqualTo(SignUpView.ROUTE);
    }

    @Test
    void signedInUserOpeningSignInIsSentToPrompts() {
        // given
        signIn(newUser("Katherine Johnson"));

        // when / then
        navigate(LoginView.ROUTE, PromptsView.class);
    }

    @Test
    void logOutInvalidatesTheSessionAndForgetsTheUser() {
        // given
        signIn(newUser("Margaret Hamilton"));
        HttpSession httpSession = ((WrappedHttpSession) VaadinSession.getCurrent().getSession()).getHttpSession();

        // when
        test(find(Button.class).id("log-out")).click();

        // then
        assertThatThrownBy(httpSession::getAttributeNames).isInstanceOf(IllegalStateException.class);
        navigate(PromptsView.ROUTE, LoginView.class);
    }

    @Test
    void disabledAccountIsSignedOutAtItsNextNavigation() {
        // given
        User dorothy = newUser("Dorothy Vaughan");
        signIn(dorothy);
        services().userService().update(Actor.console(admin()), dorothy.id(), new UserChanges(null, null, true));

        // when / then
        navigate(PromptsView.ROUTE, LoginView.class);
    }

    @Test
    void disabledAccountCannotSignIn() {
        // given
        User mary = newUser("Mary Jackson");
        services().userService().update(Actor.console(admin()), mary.id(), new UserChanges(null, null, true));

        // when
        signIn(mary);

        // then
        assertThat(getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(find(Span.class).id("auth-error").getText())
                .isEqualTo("This account is disabled. Contact your administrator.");
    }
}
