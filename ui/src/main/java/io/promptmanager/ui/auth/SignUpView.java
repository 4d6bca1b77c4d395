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
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;

import java.util.regex.Pattern;

/** Self sign-up (FREE plan); does not exist when sign-up is switched off. */
@PublicView
@Route(SignUpView.ROUTE)
public final class SignUpView extends AuthCard implements BeforeEnterObserver, HasDynamicTitle {
    public static final String ROUTE = "signup";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

    private final transient UserService users;
    private final AccountSettings accounts;
    private final EmailField email = new EmailField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();

    public SignUpView(UserService users, AccountSettings accounts) {
        this.users = users;
        this.accounts = accounts;
        email.setId("email");
        email.setLabel(getTranslation("auth.email"));
        email.setAutocomplete(Autocomplete.EMAIL);
        email.setAutofocus(true);
        displayName.setId("display-name");
        displayName.setLabel(getTranslation("signup.display-name"));
        displayName.setAutocomplete(Autocomplete.NAME);
        password.setId("password");
        password.setLabel(getTranslation("auth.password"));
        password.setHelperText(getTranslation("signup.password-rule", accounts.minPasswordLength()));
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button submit = new Button(getTranslation("signup.submit"), click -> signUp());
        submit.setId("sign-up");
        submit.addThemeVariants(ButtonVariant.PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Paragraph back = new Paragraph();
        back.add(new Text(getTranslation("signup.have-account") + " "),
                new RouterLink(getTranslation("signup.login-link"), LoginView.class));
        addToCard(new H1(getTranslation("signup.title")), email, displayName, password, error(), submit, back);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.signUpEnabled()) {
            event.rerouteToError(NotFoundException.class);
        } else if (SignedInUser.find(event.getUI()).isPresent()) {
            event.forwardTo("");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.page-title");
    }

    private void signUp() {
        clearError();
        if (!locallyValid()) {
            return;
        }
        try {
            User user = users.signUp(new SignUp(email.getValue().strip(), password.getValue(),
                    displayName.getValue().strip()));
            ConsoleSession.signIn(user);
            UI.getCurrent().navigate("");
        } catch (DomainException e) {
            show(e);
        }
    }

    private boolean locallyValid() {
        boolean valid = check(email, EMAIL.matcher(email.getValue().strip()).matches(), "signup.email-invalid");
        valid &= check(displayName, !displayName.getValue().isBlank(), "signup.display-name-missing");
        valid &= check(password, password.getValue().length() >= accounts.minPasswordLength(),
                "signup.password-rule", accounts.minPasswordLength());
        return valid;
    }

    private boolean check(TextFieldBase<?, String> field, boolean ok, String key, Object... params) {
        field.setErrorMessage(ok ? null : getTranslation(key, params));
        field.setInvalid(!ok);
        return ok;
    }

    private void show(DomainException e) {
        if (e.code() == ErrorCode.CONFLICT) {
            check(email, false, "signup.email-taken");
        } else if (e.code() == ErrorCode.VALIDATION_FAILED && !e.violations().isEmpty()) {
            e.violations().forEach(this::show);
        } else {
            showError(getTranslation("error.code." + e.code().name()));
        }
    }

    private void show(Violation violation) {
        TextFieldBase<?, String> field = switch (String.valueOf(violation.field())) {
            case "email" -> email;
            case "displayName" -> displayName;
            case "password" -> password;
            default -> null;
        };
        if (field == null) {
            showError(violation.message());
        } else {
            field.setErrorMessage(violation.message());
            field.setInvalid(true);
        }
    }
}
