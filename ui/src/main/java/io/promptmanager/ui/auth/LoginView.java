package io.promptmanager.ui.auth;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinRequest;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.LoginThrottledException;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;

/** Sign-in with e-mail and password; a link to sign-up when it is switched on. */
@PublicView
@Route(LoginView.ROUTE)
public final class LoginView extends AuthCard implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "login";

    private final transient UserService users;
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final Button signIn = new Button();

    public LoginView(UserService users, AccountSettings accounts) {
        this.users = users;
        email.setId("email");
        email.setLabel(getTranslation("auth.email"));
        email.setAutocomplete(Autocomplete.USERNAME);
        email.setAutofocus(true);
        password.setId("password");
        password.setLabel(getTranslation("auth.password"));
        password.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        signIn.setId("sign-in");
        signIn.setText(getTranslation("login.submit"));
        signIn.addThemeVariants(ButtonVariant.PRIMARY);
        signIn.addClickShortcut(Key.ENTER);
        signIn.addClickListener(click -> signIn());
        addToCard(new H1(getTranslation("login.title")), email, password, error(), signIn);
        if (accounts.signUpEnabled()) {
            RouterLink signUp = new RouterLink(getTranslation("login.sign-up-link"), SignUpView.class);
            signUp.setId("sign-up-link");
            Paragraph offer = new Paragraph();
            offer.add(new Text(getTranslation("login.no-account") + " "), signUp);
            addToCard(offer);
        }
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (SignedInUser.find(event.getUI()).isPresent()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.page-title");
    }

    private void signIn() {
        clearError();
        if (blank(email) || password.getValue().isEmpty()) {
            showError(getTranslation("login.missing"));
            return;
        }
        try {
            User user = users.authenticate(email.getValue().strip(), password.getValue(), clientAddress());
            ConsoleSession.signIn(user);
            UI.getCurrent().navigate("");
        } catch (LoginThrottledException e) {
            showError(getTranslation("login.throttled", Math.max(1, e.retryAfter().toSeconds())));
        } catch (DomainException e) {
            showError(getTranslation(e.code() == ErrorCode.ACCOUNT_DISABLED ? "login.disabled" : "login.failed"));
        } finally {
            password.clear();
        }
    }

    private static boolean blank(TextFieldBase<?, String> field) {
        return field.getValue() == null || field.getValue().isBlank();
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }
}
