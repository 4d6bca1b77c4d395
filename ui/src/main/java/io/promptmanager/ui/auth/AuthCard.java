package io.promptmanager.ui.auth;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** The centred narrow column the sign-in and sign-up forms sit in, with one error line. */
abstract class AuthCard extends VerticalLayout {
    private final VerticalLayout card = new VerticalLayout();
    private final Span error = new Span();

    AuthCard() {
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
        card.setMaxWidth("24rem");
        card.setPadding(false);
        card.setAlignItems(FlexComponent.Alignment.STRETCH);
        error.setId("auth-error");
        error.getElement().setAttribute("role", "alert");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        add(card);
    }

    final void addToCard(Component... components) {
        card.add(components);
    }

    final Span error() {
        return error;
    }

    final void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    final void clearError() {
        error.setText("");
        error.setVisible(false);
    }
}
