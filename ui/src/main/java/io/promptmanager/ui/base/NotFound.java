package io.promptmanager.ui.base;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.NotFoundException;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;

import java.util.Optional;
import java.util.function.Supplier;

/** Views of one object: what core does not find for this user (absent, or another user's) is "page not found". */
public final class NotFound {
    private NotFound() {
    }

    /**
     * What {@code lookup} returns; empty after rerouting {@code event} to "not found" when core
     * answered NOT_FOUND. Any other refusal is thrown on.
     */
    public static <T> Optional<T> orReroute(BeforeEnterEvent event, Supplier<T> lookup) {
        try {
            return Optional.of(lookup.get());
        } catch (DomainException e) {
            if (e.code() != ErrorCode.NOT_FOUND) {
                throw e;
            }
            event.rerouteToError(NotFoundException.class);
            return Optional.empty();
        }
    }
}
