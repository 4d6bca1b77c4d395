package io.promptmanager.ui.run;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;

/** The way from a FREE limit to the PRO plan: the billing page (its route, owned by the billing views). */
final class Upgrade {
    static final String BILLING_ROUTE = "billing";

    private Upgrade() {
    }

    static Button button(String id, String text) {
        Button upgrade = new Button(text, VaadinIcon.ARROW_CIRCLE_UP.create(),
                click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(BILLING_ROUTE)));
        upgrade.setId(id);
        upgrade.addThemeVariants(ButtonVariant.PRIMARY, ButtonVariant.SMALL);
        return upgrade;
    }
}
