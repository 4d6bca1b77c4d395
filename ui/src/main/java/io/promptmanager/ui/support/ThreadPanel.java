package io.promptmanager.ui.support;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.support.SupportMessage;
import io.promptmanager.core.support.SupportThread;
import io.promptmanager.ui.base.DisplayFormats;

/**
 * The messages of a request, oldest first. The support team's messages are marked as such; the
 * requester's are "you" to the requester and their name to the team.
 */
final class ThreadPanel extends VerticalLayout {
    ThreadPanel(SupportThread thread, boolean viewerIsStaff, DisplayFormats formats) {
        setId("support-thread");
        setPadding(false);
        for (SupportMessage message : thread.messages()) {
            add(message(message, viewerIsStaff, thread.request().requesterName(), formats));
        }
    }

    private Div message(SupportMessage message, boolean viewerIsStaff, String requesterName, DisplayFormats formats) {
        String author;
        if (message.fromStaff()) {
            author = viewerIsStaff && message.authorName() != null
                    ? getTranslation("support.author.staff-named", message.authorName())
                    : getTranslation("support.author.staff");
        } else {
            author = viewerIsStaff ? requesterName : getTranslation("support.author.you");
        }
        Span header = new Span(author + " · " + formats.dateTime(message.createdAt()));
        header.addClassNames(LumoUtility.FontWeight.SEMIBOLD, LumoUtility.FontSize.SMALL);
        Div body = new Div(message.body());
        body.addClassName("support-message-body");
        body.getStyle().set("white-space", "pre-wrap");
        Div card = new Div(header, body);
        card.addClassNames("support-message", LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM,
                message.fromStaff() ? LumoUtility.Background.PRIMARY_10 : LumoUtility.Background.CONTRAST_5);
        card.getElement().setAttribute("data-from", message.fromStaff() ? "staff" : "requester");
        card.setWidthFull();
        return card;
    }
}
