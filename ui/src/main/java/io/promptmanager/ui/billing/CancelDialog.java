package io.promptmanager.ui.billing;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.shared.Registration;
import io.promptmanager.core.billing.CancelMode;
import io.promptmanager.core.billing.CancellationOptions;
import io.promptmanager.ui.base.DisplayFormats;

/**
 * Both ways to cancel, each with its consequence from core's quote — cancel now: PRO ends at once
 * and this amount is refunded; at the end of the period: PRO lasts until that date, no refund —
 * and nothing happens until the user picks one and confirms. Fires {@link ConfirmEvent}.
 */
final class CancelDialog extends Dialog {
    private final RadioButtonGroup<CancelMode> mode = new RadioButtonGroup<>();

    CancelDialog(CancellationOptions options, DisplayFormats formats) {
        setId("cancel-dialog");
        setHeaderTitle(getTranslation("billing.cancel.title"));
        setWidth("36rem");
        mode.setId("cancel-mode");
        mode.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        mode.setItems(CancelMode.PERIOD_END, CancelMode.NOW);
        mode.setItemLabelGenerator(choice -> switch (choice) {
            case NOW -> getTranslation("billing.cancel.now", formats.money(options.now().amount()));
            case PERIOD_END -> getTranslation("billing.cancel.period-end", formats.dateTime(options.periodEnd()));
        });
        Button confirm = new Button(getTranslation("billing.cancel.confirm"),
                click -> fireEvent(new ConfirmEvent(this, mode.getValue())));
        confirm.setId("cancel-confirm");
        confirm.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.ERROR);
        confirm.setEnabled(false);
        mode.addValueChangeListener(change -> confirm.setEnabled(change.getValue() != null));
        Button keep = new Button(getTranslation("billing.cancel.keep"), click -> close());
        keep.setId("cancel-keep");
        Paragraph refundRule = new Paragraph(getTranslation("billing.cancel.refund-rule"));
        add(new Paragraph(getTranslation("billing.cancel.choose")), mode, refundRule);
        getFooter().add(keep, confirm);
    }

    Registration addConfirmListener(ComponentEventListener<ConfirmEvent> listener) {
        return addListener(ConfirmEvent.class, listener);
    }

    static final class ConfirmEvent extends ComponentEvent<CancelDialog> {
        private final CancelMode mode;

        ConfirmEvent(CancelDialog source, CancelMode mode) {
            super(source, false);
            this.mode = mode;
        }

        CancelMode mode() {
            return mode;
        }
    }
}
