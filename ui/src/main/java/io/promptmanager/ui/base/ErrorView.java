package io.promptmanager.ui.base;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.ui.auth.PublicView;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A navigation that failed. A rule of the product (a {@link DomainException}) is shown with its
 * code's text and status; anything else is logged with a random error id that the page shows,
 * never the exception itself.
 */
@PublicView
public final class ErrorView extends ErrorPage implements HasErrorParameter<Exception> {
    private static final Logger LOG = Logger.getLogger(ErrorView.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        if (parameter.getCaughtException() instanceof DomainException domain) {
            if (domain.code() == ErrorCode.NOT_FOUND) {
                show(getTranslation("error.not-found.title"), getTranslation("error.not-found.text"));
            } else {
                show(getTranslation("error.title"), getTranslation("error.code." + domain.code().name()));
            }
            return domain.code().status();
        }
        String errorId = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Console navigation to /" + event.getLocation().getPath() + " failed, error id "
                + errorId, parameter.getCaughtException());
        show(getTranslation("error.title"), getTranslation("error.unexpected", errorId));
        return ErrorCode.INTERNAL_ERROR.status();
    }
}
