package io.promptmanager.ui.base;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question a destructive action asks first. The dialog is {@code #confirm-dialog}, its
 * buttons {@code #confirm} (red) and {@code #confirm-cancel}; nothing happens unless the user
 * confirms. Texts are given already translated.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /** Opens the question; {@code action} runs only on confirmation. */
    public static ConfirmDialog ask(String header, String text, String confirmText, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-dialog");
        dialog.setHeader(header);
        dialog.setText(text);
        Button confirm = new Button(confirmText);
        confirm.setId("confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        dialog.setConfirmButton(confirm);
        Button cancel = new Button(UI.getCurrent().getTranslation("confirm.cancel"));
        cancel.setId("confirm-cancel");
        dialog.setCancelable(true);
        dialog.setCancelButton(cancel);
        dialog.addConfirmListener(confirmed -> action.run());
        dialog.open();
        return dialog;
    }
}
