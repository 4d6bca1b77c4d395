package io.promptmanager.ui.base;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;

/**
 * The top of every console page, so that pages look alike: the title ({@code #page-title}), an
 * optional line under it ({@code #page-subtitle}), and the page's actions on the right, the
 * primary one (a {@code ButtonVariant.PRIMARY} button) first. Texts are given already translated.
 */
public final class PageHeader extends HorizontalLayout {
    private final H2 title = new H2();
    private final Paragraph subtitle = new Paragraph();
    private final HorizontalLayout actions = new HorizontalLayout();

    public PageHeader(String title, Component... actions) {
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        addClassNames(LumoUtility.Padding.Bottom.SMALL);
        this.title.setId("page-title");
        this.title.addClassNames(LumoUtility.Margin.NONE, LumoUtility.FontSize.XLARGE);
        this.subtitle.setId("page-subtitle");
        this.subtitle.addClassNames(LumoUtility.Margin.NONE, LumoUtility.TextColor.SECONDARY);
        this.subtitle.setVisible(false);
        this.actions.setAlignItems(FlexComponent.Alignment.CENTER);
        this.actions.addClassNames(LumoUtility.Margin.Left.AUTO);
        setTitle(title);
        addActions(actions);
        add(new Div(this.title, this.subtitle), this.actions);
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** A line under the title; null or blank hides it. */
    public void setSubtitle(String text) {
        subtitle.setText(text == null ? "" : text);
        subtitle.setVisible(text != null && !text.isBlank());
    }

    public void addActions(Component... more) {
        actions.add(more);
    }
}
