package io.promptmanager.ui.base;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import io.promptmanager.ui.auth.PublicView;

import jakarta.servlet.http.HttpServletResponse;

/** A page that does not exist, or one the user may not see (answered the same way). */
@PublicView
public final class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {
    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show(getTranslation("error.not-found.title"), getTranslation("error.not-found.text"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
