package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.html.Span;
import io.promptmanager.core.prompt.VersionStatus;

/** A version's status as a Lumo badge: green PRODUCTION, blue DRAFT, grey ARCHIVED. */
final class StatusBadge extends Span {
    StatusBadge(VersionStatus status) {
        setText(getTranslation("versions.status." + status.name()));
        getElement().getThemeList().add("badge");
        switch (status) {
            case PRODUCTION -> getElement().getThemeList().add("success");
            case ARCHIVED -> getElement().getThemeList().add("contrast");
            case DRAFT -> {
                // the default badge colour
            }
        }
        getElement().setAttribute("data-status", status.name());
    }
}
