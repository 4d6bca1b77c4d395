package io.promptmanager.ui.support;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;

/** A message to add to a thread (at most 10,000 characters). Fires {@link SendEvent}. */
final class MessageForm extends VerticalLayout {
    static final int MAX_MESSAGE = 10_000;

    private final TextArea message = new TextArea();

    /** @param idPrefix prefix of the stable element ids, e.g. {@code support-reply} */
    MessageForm(String idPrefix, String labelKey, String sendKey) {
        setPadding(false);
        message.setId(idPrefix);
        message.setLabel(getTranslation(labelKey));
        message.setMaxLength(MAX_MESSAGE);
        message.setWidthFull();
        message.setMinHeight("8rem");
        Button send = new Button(getTranslation(sendKey), click -> send());
        send.setId(idPrefix + "-send");
        send.addThemeVariants(ButtonVariant.PRIMARY);
        add(message, send);
    }

    Registration addSendListener(ComponentEventListener<SendEvent> listener) {
        return addListener(SendEvent.class, listener);
    }

    void showError(String error) {
        message.setErrorMessage(error);
        message.setInvalid(true);
    }

    void clear() {
        message.clear();
        message.setInvalid(false);
    }

    private void send() {
        message.setInvalid(false);
        if (message.getValue().isBlank()) {
            showError(getTranslation("support.message-missing"));
            return;
        }
        fireEvent(new SendEvent(this, message.getValue()));
    }

    static final class SendEvent extends ComponentEvent<MessageForm> {
        private final String text;

        SendEvent(MessageForm source, String text) {
            super(source, false);
            this.text = text;
        }

        String text() {
            return text;
        }
    }
}
