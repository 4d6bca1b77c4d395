package io.promptmanager.ui.settings;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The field for an OpenRouter key (a password field: the key is never shown) with Test, Save and,
 * when it replaces a saved key, Cancel. Fires {@link TestEvent}, {@link SaveEvent} and
 * {@link CancelEvent}; the view says what OpenRouter answered with {@link #showCheck}.
 */
final class ByokForm extends VerticalLayout {
    private final PasswordField key = new PasswordField();
    private final Span check = new Span();

    ByokForm(boolean replacing) {
        setPadding(false);
        key.setId("byok-key");
        key.setLabel(getTranslation(replacing ? "byok.new-key" : "byok.key"));
        key.setPlaceholder("sk-or-v1-…");
        key.setHelperText(getTranslation("byok.key-help"));
        key.setAutocomplete(Autocomplete.OFF);
        key.setWidth("32rem");
        check.setId("byok-check");
        check.setVisible(false);
        Button test = new Button(getTranslation("byok.test"), click -> submit(true));
        test.setId("byok-test");
        Button save = new Button(getTranslation("byok.save"), click -> submit(false));
        save.setId("byok-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        HorizontalLayout buttons = new HorizontalLayout(test, save);
        if (replacing) {
            Button cancel = new Button(getTranslation("common.cancel"), click -> fireEvent(new CancelEvent(this)));
            cancel.setId("byok-cancel");
            buttons.add(cancel);
        }
        add(key, check, buttons);
    }

    Registration addTestListener(ComponentEventListener<TestEvent> listener) {
        return addListener(TestEvent.class, listener);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    void showKeyError(String message) {
        key.setErrorMessage(message);
        key.setInvalid(true);
    }

    /** What OpenRouter said about the key; {@code accepted} colours it. */
    void showCheck(String text, boolean accepted) {
        check.setText(text);
        check.setClassName(accepted ? LumoUtility.TextColor.SUCCESS : LumoUtility.TextColor.ERROR);
        check.setVisible(true);
    }

    /** Forgets the key, in the page too. */
    void clear() {
        key.clear();
        key.setInvalid(false);
        check.setVisible(false);
    }

    private void submit(boolean test) {
        key.setInvalid(false);
        check.setVisible(false);
        String value = key.getValue().strip();
        if (value.isEmpty()) {
            showKeyError(getTranslation("byok.key-missing"));
        } else {
            fireEvent(test ? new TestEvent(this, value) : new SaveEvent(this, value));
        }
    }

    /** Carries the key typed in; it is never part of toString, so it never reaches a log. */
    abstract static class KeyEvent extends ComponentEvent<ByokForm> {
        private final transient String key;

        KeyEvent(ByokForm source, String key) {
            super(source, false);
            this.key = key;
        }

        String key() {
            return key;
        }
    }

    static final class TestEvent extends KeyEvent {
        TestEvent(ByokForm source, String key) {
            super(source, key);
        }
    }

    static final class SaveEvent extends KeyEvent {
        SaveEvent(ByokForm source, String key) {
            super(source, key);
        }
    }

    static final class CancelEvent extends ComponentEvent<ByokForm> {
        CancelEvent(ByokForm source) {
            super(source, false);
        }
    }
}
