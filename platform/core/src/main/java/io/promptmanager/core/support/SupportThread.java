package io.promptmanager.core.support;

import java.util.List;

/** A request and its messages, oldest first. */
public record SupportThread(SupportRequest request, List<SupportMessage> messages) {
    public SupportThread {
        messages = List.copyOf(messages);
    }
}
