package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionInput;

import java.util.List;

/**
 * The content of a draft: messages, variables, model and parameters, commit message. Knows no
 * service: Save fires {@link SaveEvent} with what is on screen, and the view shows core's
 * violations back at their fields with {@link #showViolations}.
 */
final class VersionEditor extends VerticalLayout {
    private final Paragraph status = new Paragraph();
    private final MessagesEditor messages = new MessagesEditor();
    private final VariablesEditor variables = new VariablesEditor();
    private final ParametersForm parameters;
    private final TextField commitMessage = new TextField();
    private final Span error = new Span();

    /** @param offers the models the user may run; {@code restricted}: their plan excludes others */
    VersionEditor(List<ModelOffer> offers, boolean restricted) {
        setPadding(false);
        status.setId("editor-status");
        status.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.NONE);
        parameters = new ParametersForm(offers, restricted);
        commitMessage.setId("commit-message");
        commitMessage.setLabel(getTranslation("editor.commit-message"));
        commitMessage.setPlaceholder(getTranslation("editor.commit-message-placeholder"));
        commitMessage.setWidthFull();
        error.setId("editor-error");
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        Button save = new Button(getTranslation("editor.save"), VaadinIcon.CHECK.create(), click -> save());
        save.setId("save-draft");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        add(status, messages, variables, new H3(getTranslation("editor.model-and-parameters")), parameters,
                commitMessage, error, save);
    }

    /** Shows {@code version}'s content, or a blank draft (one user message) when null. */
    void load(PromptVersion version) {
        clearErrors();
        if (version == null) {
            messages.setMessages(List.of(new Message("user", "")));
            variables.setVariables(List.of());
            parameters.setValues(null, null, ModelParameters.none());
            commitMessage.clear();
        } else {
            messages.setMessages(version.messages());
            variables.setVariables(version.variables());
            parameters.setValues(version.provider(), version.model(), version.parameters());
            commitMessage.setValue(version.commitMessage() == null ? "" : version.commitMessage());
        }
    }

    /** What Save will do, e.g. "Editing draft v3". */
    void setStatus(String text) {
        status.setText(text);
    }

    void showViolations(List<Violation> violations) {
        for (Violation violation : violations) {
            boolean shown = messages.show(violation) || variables.show(violation) || parameters.show(violation);
            if (!shown && "commitMessage".equals(violation.field())) {
                FieldErrors.mark(commitMessage, violation.message());
            } else if (!shown) {
                showError(violation.field() + ": " + violation.message());
            }
        }
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    private void save() {
        clearErrors();
        boolean valid = variables.checkDefaults();
        valid &= parameters.checkNumbers();
        if (!valid) {
            return;
        }
        fireEvent(new SaveEvent(this, new VersionInput(messages.messages(), variables.variables(),
                parameters.providerId(), parameters.modelId(), parameters.parameters(), commitMessage.getValue())));
    }

    private void clearErrors() {
        messages.clearErrors();
        variables.clearErrors();
        parameters.clearErrors();
        FieldErrors.clear(commitMessage);
        error.setVisible(false);
    }

    static final class SaveEvent extends ComponentEvent<VersionEditor> {
        private final VersionInput input;

        SaveEvent(VersionEditor source, VersionInput input) {
            super(source, false);
            this.input = input;
        }

        VersionInput input() {
            return input;
        }
    }
}
