package io.promptmanager.ui.settings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a new API key's secret, the only time it is ever shown, with a copy button. Closing it
 * removes the secret from the page; nothing else keeps it.
 */
final class SecretDialog extends Dialog {
    SecretDialog(String keyName, String secret) {
        setId("apikey-secret-dialog");
        setHeaderTitle(getTranslation("apikeys.secret-title", keyName));
        setCloseOnOutsideClick(false);
        Paragraph once = new Paragraph(getTranslation("apikeys.secret-once"));
        TextField field = new TextField();
        field.setId("apikey-secret");
        field.setValue(secret);
        field.setReadOnly(true);
        field.setWidthFull();
        field.setAriaLabel(getTranslation("apikeys.secret-label"));
        Button copy = new Button(getTranslation("apikeys.copy"), VaadinIcon.COPY.create(), click -> {
            // the browser's clipboard API, called with the secret as an argument (never written into the script)
            UI.getCurrent().getPage().executeJs("navigator.clipboard.writeText($0)", secret);
            Notification.show(getTranslation("apikeys.copied"), 3_000, Notification.Position.TOP_CENTER);
        });
        copy.setId("apikey-copy");
        field.setSuffixComponent(copy);
        Button done = new Button(getTranslation("apikeys.secret-done"), click -> close());
        done.setId("apikey-done");
        done.addThemeVariants(ButtonVariant.PRIMARY);
        add(once, field);
        getFooter().add(done);
        setWidth("36rem");
        addOpenedChangeListener(change -> {
            if (!change.isOpened()) {
                removeAll();
            }
        });
    }
}
