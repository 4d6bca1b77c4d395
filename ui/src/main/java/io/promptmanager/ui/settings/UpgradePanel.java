package io.promptmanager.ui.settings;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.ui.base.DisplayFormats;
import io.promptmanager.ui.billing.BillingView;
import io.promptmanager.ui.billing.ProOffer;

/** What a FREE user sees in place of a PRO feature: why it needs PRO, what PRO brings, and the way to upgrade. */
final class UpgradePanel extends VerticalLayout {
    private static final String[] PRO_BENEFITS = {"pro.benefit.runs", "pro.benefit.api", "pro.benefit.models",
            "pro.benefit.byok", "pro.benefit.support"};

    UpgradePanel(String whyKey, ProOffer offer) {
        setId("upgrade-panel");
        setPadding(true);
        addClassNames(LumoUtility.Border.ALL, LumoUtility.BorderRadius.MEDIUM, LumoUtility.MaxWidth.SCREEN_SMALL);
        Paragraph why = new Paragraph(getTranslation(whyKey));
        why.setId("upgrade-why");
        UnorderedList benefits = new UnorderedList();
        for (String benefit : PRO_BENEFITS) {
            benefits.add(new ListItem(getTranslation(benefit)));
        }
        Button upgrade = new Button(getTranslation("pro.upgrade"), VaadinIcon.ARROW_CIRCLE_UP.create(),
                click -> UI.getCurrent().navigate(BillingView.class));
        upgrade.setId("upgrade");
        upgrade.addThemeVariants(ButtonVariant.PRIMARY);
        Paragraph price = new Paragraph(offer.summary(DisplayFormats.ofCurrentUi(), this::getTranslation));
        price.setId("upgrade-price");
        add(new H3(getTranslation("pro.title")), why, benefits, price, upgrade);
    }
}
