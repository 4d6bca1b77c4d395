package io.promptmanager.ui.settings;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.user.AccountSettings;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.LoginThrottledException;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserService;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.base.MainLayout;

/** Settings › Account: who the user is, and a password change. */
@SignedIn
@Route(value = AccountView.ROUTE, layout = MainLayout.class)
public final class AccountView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "settings/account";

    private final transient UserService users;
    private final Actor actor;
    private final PasswordForm passwordForm;

    public AccountView(UserService users, AccountSettings accounts, SignedInUser signedIn) {
        this.users = users;
        this.actor = signedIn.actor();
        User user = signedIn.user();
        TextField name = readOnly("account-display-name", "signup.display-name", user.displayName());
        TextField email = readOnly("account-email", "auth.email", user.email());
        TextField since = readOnly("account-since", "settings.account.since",
                DisplayFormats.ofCurrentUi().date(user.createdAt()));
        Span plan = new Span(getTranslation("plan." + user.plan().name()));
        plan.setId("account-plan");
        plan.getElement().getThemeList().add("badge");
        passwordForm = new PasswordForm(accounts.minPasswordLength());
        passwordForm.addChangeListener(change -> changePassword(change.currentPassword(), change.newPassword()));
        add(new H2(getTranslation("settings.account.title")), name, email, since, plan,
                new H3(getTranslation("settings.account.password-title")), passwordForm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("settings.account.page-title");
    }

    private TextField readOnly(String id, String labelKey, String value) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId(id);
        field.setValue(value);
        field.setReadOnly(true);
        field.setWidth("24rem");
        return field;
    }

    private void changePassword(String currentPassword, String newPassword) {
        try {
            users.changePassword(actor, currentPassword, newPassword);
            passwordForm.clear();
            Notification.show(getTranslation("settings.account.password-changed"), 5_000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.SUCCESS);
        } catch (LoginThrottledException e) {
            passwordForm.showCurrentPasswordError(getTranslation("login.throttled", Math.max(1, e.retryAfter().toSeconds())));
        } catch (DomainException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED || e.violations().isEmpty()) {
                throw e;
            }
            e.violations().forEach(this::show);
        }
    }

    private void show(Violation violation) {
        if ("currentPassword".equals(violation.field())) {
            passwordForm.showCurrentPasswordError(getTranslation("settings.account.current-wrong"));
        } else {
            // the form already checked the minimum length: what is left is core's own wording (e.g. the maximum)
            passwordForm.showNewPasswordError(violation.message());
        }
    }
}
