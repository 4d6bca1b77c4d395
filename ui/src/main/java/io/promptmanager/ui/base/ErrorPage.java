package io.promptmanager.ui.base;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import io.promptmanager.ui.prompt.PromptsView;

/** Title, explanation and a way back home: what every error page shows. */
abstract class ErrorPage extends VerticalLayout {
    private final H1 title = new H1();
    private final Paragraph text = new Paragraph();

    ErrorPage() {
        title.setId("error-title");
        text.setId("error-text");
        add(title, text, new RouterLink(getTranslation("error.home"), PromptsView.class));
    }

    final void show(String titleText, String explanation) {
        title.setText(titleText);
        text.setText(explanation);
    }
}
