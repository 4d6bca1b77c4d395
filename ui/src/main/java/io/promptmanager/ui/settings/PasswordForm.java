package io.promptmanager.ui.settings;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.shared.Registration;

import java.util.stream.Stream;

/**
 * Current, new and repeated new password. Checks what it can alone (filled in, long enough,
 * repeated the same) and fires {@link ChangeEvent}; the view puts core's refusals at the fields.
 */
final class PasswordForm extends FormLayout {
    private final PasswordField current = new PasswordField();
    private final PasswordField fresh = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final int minLength;

    PasswordForm(int minLength) {
        this.minLength = minLength;
        current.setId("current-password");
        current.setLabel(getTranslation("settings.account.current-password"));
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        fresh.setId("new-password");
        fresh.setLabel(getTranslation("settings.account.new-password"));
        fresh.setHelperText(getTranslation("signup.password-rule", minLength));
        fresh.setAutocomplete(Autocomplete.NEW_PASSWORD);
        confirm.setId("confirm-password");
        confirm.setLabel(getTranslation("settings.account.confirm-password"));
        confirm.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button change = new Button(getTranslation("settings.account.change-password"), click -> submit());
        change.setId("change-password");
        change.addThemeVariants(ButtonVariant.PRIMARY);
        setMaxWidth("32rem");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(current, fresh, confirm, change);
    }

    Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    void showCurrentPasswordError(String message) {
        invalid(current, message);
    }

    void showNewPasswordError(String message) {
        invalid(fresh, message);
    }

    /** Empties every field, so that no password stays in the page after the change. */
    void clear() {
        Stream.of(current, fresh, confirm).forEach(field -> {
            field.clear();
            field.setInvalid(false);
        });
    }

    private void submit() {
        Stream.of(current, fresh, confirm).forEach(field -> field.setInvalid(false));
        boolean valid = true;
        if (current.getValue().isEmpty()) {
            valid = invalid(current, getTranslation("settings.account.current-missing"));
        }
        if (fresh.getValue().codePointCount(0, fresh.getValue().length()) < minLength) {
            valid = invalid(fresh, getTranslation("signup.password-rule", minLength));
        } else if (!fresh.getValue().equals(confirm.getValue())) {
            valid = invalid(confirm, getTranslation("settings.account.confirm-mismatch"));
        }
        if (valid) {
            fireEvent(new ChangeEvent(this, current.getValue(), fresh.getValue()));
        }
    }

    private static boolean invalid(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        return false;
    }

    static final class ChangeEvent extends ComponentEvent<PasswordForm> {
        private final String currentPassword;
        private final String newPassword;

        ChangeEvent(PasswordForm source, String currentPassword, String newPassword) {
            super(source, false);
            this.currentPassword = currentPassword;
            this.newPassword = newPassword;
        }

        String currentPassword() {
            return currentPassword;
        }

        String newPassword() {
            return newPassword;
        }
    }
}
