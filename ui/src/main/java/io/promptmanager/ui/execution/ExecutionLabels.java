package io.promptmanager.ui.execution;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.Cost;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.core.execution.Tokens;
import io.promptmanager.ui.format.Formats;

/** How a run's cost, tokens, latency, status and billing type read wherever runs are shown. */
public final class ExecutionLabels {
    private ExecutionLabels() {
    }

    /** The exact amount and where it comes from, e.g. "$0.000136 (reported by the provider)". */
    public static String cost(Component in, Cost cost) {
        if (cost.amount() == null) {
            return in.getTranslation("execution.cost.UNKNOWN");
        }
        return in.getTranslation("execution.cost." + cost.source().name(), Formats.usd(cost.amount(), Formats.locale(in)));
    }

    /** The amount alone ("—" when unknown), for tables. */
    public static String costAmount(Component in, Cost cost) {
        return cost.amount() == null ? "—" : Formats.usd(cost.amount(), Formats.locale(in));
    }

    public static String tokens(Component in, Tokens tokens) {
        return in.getTranslation("execution.tokens", Formats.count(tokens.prompt(), Formats.locale(in)),
                Formats.count(tokens.completion(), Formats.locale(in)));
    }

    public static String latency(Component in, long millis) {
        return in.getTranslation("execution.latency", Formats.count(millis, Formats.locale(in)));
    }

    public static String status(Component in, ExecutionStatus status) {
        return in.getTranslation("execution.status." + status.name());
    }

    public static String billing(Component in, BillingType billing) {
        return in.getTranslation("execution.billing." + billing.name());
    }

    /** A coloured badge whose tooltip says who paid. */
    public static Span billingBadge(Component in, BillingType billing) {
        Span badge = badge(billing(in, billing), billing == BillingType.BYOK ? "badge" : "badge contrast");
        badge.setTitle(in.getTranslation("execution.billing." + billing.name() + ".explained"));
        return badge;
    }

    public static Span statusBadge(Component in, ExecutionStatus status) {
        return badge(status(in, status), status == ExecutionStatus.SUCCEEDED ? "badge success" : "badge error");
    }

    static Span badge(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().setAttribute("theme", theme);
        return badge;
    }
}
