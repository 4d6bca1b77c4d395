package io.promptmanager.ui.run;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.ui.execution.ExecutionDetailView;
import io.promptmanager.ui.execution.ExecutionLabels;

/**
 * The answer of a run as it streams in, then its figures (tokens, exact cost, latency, billing
 * type, status), or what went wrong and what to do about it.
 */
final class RunOutput extends VerticalLayout {
    private final Span status = new Span();
    private final Div output = new Div();
    private final Span tokens = new Span();
    private final Span cost = new Span();
    private final Span latency = new Span();
    private Span billing = new Span();
    private final Span model = new Span();
    private final HorizontalLayout figures = new HorizontalLayout();
    private final Paragraph error = new Paragraph();
    private final Paragraph errorDetail = new Paragraph();
    private final Button upgrade;
    private final Anchor details = new Anchor();

    RunOutput() {
        setId("run-result");
        setPadding(false);
        status.setId("run-status");
        output.setId("run-output");
        output.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5,
                LumoUtility.Width.FULL);
        output.getStyle().set("white-space", "pre-wrap").set("min-height", "4em");
        tokens.setId("run-tokens");
        cost.setId("run-cost");
        latency.setId("run-latency");
        billing.setId("run-billing");
        model.setId("run-model");
        details.setId("run-details");
        details.setText(getTranslation("run.details"));
        figures.add(model, tokens, cost, latency, billing, details);
        figures.setAlignItems(FlexComponent.Alignment.CENTER);
        figures.addClassNames(LumoUtility.FlexWrap.WRAP, LumoUtility.FontSize.SMALL);
        error.setId("run-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.Margin.NONE);
        errorDetail.setId("run-error-detail");
        errorDetail.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL, LumoUtility.Margin.NONE);
        upgrade = Upgrade.button("run-upgrade", getTranslation("run.upgrade"));
        add(status, output, figures, error, errorDetail, upgrade);
        setVisible(false);
    }

    void started() {
        setVisible(true);
        showStatus(getTranslation("run.status.running"), "badge");
        output.removeAll();
        output.setVisible(true);
        figures.setVisible(false);
        hideError();
    }

    void append(String text) {
        output.add(new Text(text));
    }

    String text() {
        return output.getElement().getTextRecursively();
    }

    void succeeded(ExecutionResult result) {
        showStatus(ExecutionLabels.status(this, ExecutionStatus.SUCCEEDED), "badge success");
        output.removeAll();
        output.add(new Text(result.output()));
        model.setText(result.model());
        tokens.setText(ExecutionLabels.tokens(this, result.usage()));
        cost.setText(ExecutionLabels.cost(this, result.cost()));
        latency.setText(ExecutionLabels.latency(this, result.latency().toMillis()));
        Span badge = ExecutionLabels.billingBadge(this, result.billingType());
        badge.setId("run-billing");
        figures.replace(billing, badge);
        billing = badge;
        details.setHref(ExecutionDetailView.location(result.executionId()));
        figures.setVisible(true);
    }

    /**
     * @param detail      core's own words (e.g. the provider's reason), or null
     * @param offerUpgrade whether the PRO plan would have allowed it
     */
    void failed(String message, String detail, boolean offerUpgrade) {
        setVisible(true);
        showStatus(ExecutionLabels.status(this, ExecutionStatus.FAILED), "badge error");
        output.setVisible(!text().isEmpty());
        figures.setVisible(false);
        error.setText(message);
        error.setVisible(true);
        errorDetail.setText(detail == null ? "" : detail);
        errorDetail.setVisible(detail != null);
        upgrade.setVisible(offerUpgrade);
    }

    private void showStatus(String text, String theme) {
        status.setText(text);
        status.getElement().setAttribute("theme", theme);
    }

    private void hideError() {
        error.setVisible(false);
        errorDetail.setVisible(false);
        upgrade.setVisible(false);
    }
}
