package io.promptmanager.ui.support;

import com.vaadin.flow.component.html.Span;
import io.promptmanager.core.support.SupportStatus;

/** A request's status as a coloured badge. */
final class StatusBadge extends Span {
    StatusBadge(SupportStatus status) {
        super();
        setText(getTranslation("support.status." + status.name()));
        getElement().getThemeList().add(switch (status) {
            case OPEN -> "badge";
            case ANSWERED -> "badge success";
            case CLOSED -> "badge contrast";
        });
    }

    /** "Priority" for requests of plans with priority support, "Standard" otherwise. */
    static Span priority(boolean priority) {
        Span badge = new Span();
        badge.setText(badge.getTranslation(priority ? "support.priority" : "support.standard"));
        badge.getElement().getThemeList().add(priority ? "badge error primary" : "badge contrast");
        return badge;
    }
}
