package io.promptmanager.ui.settings;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.apikey.NewApiKey;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Violation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Name, optional expiry date and scopes of a new API key. A key with an expiry date works until
 * the end of that day in the user's time zone. Fires {@link CreateEvent} or {@link CancelEvent}.
 */
final class ApiKeyForm extends FormLayout {
    private final TextField name = new TextField();
    private final DatePicker expiry = new DatePicker();
    private final CheckboxGroup<Scope> scopes = new CheckboxGroup<>();
    private final ZoneId zone;

    ApiKeyForm(ZoneId zone, LocalDate today) {
        this.zone = zone;
        name.setId("apikey-name");
        name.setLabel(getTranslation("apikeys.name"));
        name.setHelperText(getTranslation("apikeys.name-help"));
        name.setMaxLength(100);
        name.setRequiredIndicatorVisible(true);
        expiry.setId("apikey-expiry");
        expiry.setLabel(getTranslation("apikeys.expiry"));
        expiry.setHelperText(getTranslation("apikeys.expiry-help"));
        expiry.setMin(today);
        expiry.setClearButtonVisible(true);
        scopes.setId("apikey-scopes");
        scopes.setLabel(getTranslation("apikeys.scopes"));
        scopes.setItems(Scope.values());
        scopes.setItemLabelGenerator(scope -> scope.wireName() + " — " + getTranslation("apikeys.scope." + scope.name()));
        scopes.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
        scopes.setValue(EnumSet.allOf(Scope.class));
        Button create = new Button(getTranslation("apikeys.create"), click -> create());
        create.setId("apikey-create");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("apikey-cancel");
        setResponsiveSteps(new ResponsiveStep("0", 1));
        add(name, expiry, scopes, new HorizontalLayout(create, cancel));
    }

    Registration addCreateListener(ComponentEventListener<CreateEvent> listener) {
        return addListener(CreateEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Puts each problem core found beside its field. */
    void showViolations(List<Violation> violations) {
        violations.forEach(violation -> {
            HasValidation field = switch (String.valueOf(violation.field())) {
                case "expiresAt" -> expiry;
                case "scopes" -> scopes;
                default -> name;
            };
            field.setErrorMessage(violation.message());
            field.setInvalid(true);
        });
    }

    private void create() {
        Stream.<HasValidation>of(name, expiry, scopes).forEach(field -> field.setInvalid(false));
        boolean valid = true;
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("apikeys.name-missing"));
            name.setInvalid(true);
            valid = false;
        }
        if (scopes.getValue().isEmpty()) {
            scopes.setErrorMessage(getTranslation("apikeys.scopes-missing"));
            scopes.setInvalid(true);
            valid = false;
        }
        if (valid) {
            Instant expiresAt = expiry.getValue() == null ? null
                    : expiry.getValue().plusDays(1).atStartOfDay(zone).toInstant();
            fireEvent(new CreateEvent(this, new NewApiKey(name.getValue().strip(), expiresAt,
                    EnumSet.copyOf(scopes.getValue()))));
        }
    }

    static final class CreateEvent extends ComponentEvent<ApiKeyForm> {
        private final NewApiKey key;

        CreateEvent(ApiKeyForm source, NewApiKey key) {
            super(source, false);
            this.key = key;
        }

        NewApiKey key() {
            return key;
        }
    }

    static final class CancelEvent extends ComponentEvent<ApiKeyForm> {
        CancelEvent(ApiKeyForm source) {
            super(source, false);
        }
    }
}
