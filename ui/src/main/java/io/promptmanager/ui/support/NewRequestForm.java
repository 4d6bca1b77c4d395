package io.promptmanager.ui.support;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.support.NewSupportRequest;

import java.util.List;

/** Subject (at most 200 characters) and message of a new request. Fires {@link SubmitEvent}. */
final class NewRequestForm extends VerticalLayout {
    static final int MAX_SUBJECT = 200;

    private final TextField subject = new TextField();
    private final TextArea message = new TextArea();

    NewRequestForm() {
        setPadding(false);
        setMaxWidth("48rem");
        subject.setId("support-subject");
        subject.setLabel(getTranslation("support.subject"));
        subject.setMaxLength(MAX_SUBJECT);
        subject.setWidthFull();
        message.setId("support-message");
        message.setLabel(getTranslation("support.message"));
        message.setHelperText(getTranslation("support.message-help"));
        message.setMaxLength(MessageForm.MAX_MESSAGE);
        message.setWidthFull();
        message.setMinHeight("10rem");
        Button send = new Button(getTranslation("support.send"), click -> submit());
        send.setId("support-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        add(subject, message, send);
    }

    Registration addSubmitListener(ComponentEventListener<SubmitEvent> listener) {
        return addListener(SubmitEvent.class, listener);
    }

    /** Puts each problem core found beside its field. */
    void showViolations(List<Violation> violations) {
        violations.forEach(violation -> {
            if ("subject".equals(violation.field())) {
                invalid(subject, violation.message());
            } else {
                invalid(message, violation.message());
            }
        });
    }

    private void submit() {
        subject.setInvalid(false);
        message.setInvalid(false);
        boolean valid = true;
        if (subject.getValue().isBlank()) {
            valid = invalid(subject, getTranslation("support.subject-missing"));
        }
        if (message.getValue().isBlank()) {
            valid = invalid(message, getTranslation("support.message-missing"));
        }
        if (valid) {
            fireEvent(new SubmitEvent(this, new NewSupportRequest(subject.getValue(), message.getValue())));
        }
    }

    private static boolean invalid(com.vaadin.flow.component.HasValidation field, String error) {
        field.setErrorMessage(error);
        field.setInvalid(true);
        return false;
    }

    static final class SubmitEvent extends ComponentEvent<NewRequestForm> {
        private final NewSupportRequest request;

        SubmitEvent(NewRequestForm source, NewSupportRequest request) {
            super(source, false);
            this.request = request;
        }

        NewSupportRequest request() {
            return request;
        }
    }
}
