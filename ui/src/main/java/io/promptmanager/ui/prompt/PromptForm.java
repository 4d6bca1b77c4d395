package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.core.prompt.PromptInput;

import java.util.Arrays;
import java.util.List;

/**
 * The fields of a prompt, empty for a new one or filled with an existing one's (a changed name
 * renames it). Knows no service: it fires {@link SaveEvent} or {@link CancelEvent}.
 */
final class PromptForm extends FormLayout {
    private final TextField name = new TextField();
    private final TextArea description = new TextArea();
    private final ComboBox<String> category = new ComboBox<>();
    private final TextField tags = new TextField();
    private final Span error = new Span();

    PromptForm(List<String> categories, Prompt existing) {
        name.setId("prompt-name");
        name.setLabel(getTranslation("prompt.name"));
        name.setHelperText(getTranslation("prompt.name-rule"));
        name.setRequiredIndicatorVisible(true);
        description.setId("prompt-description");
        description.setLabel(getTranslation("prompt.description"));
        category.setId("prompt-category");
        category.setLabel(getTranslation("prompt.category"));
        category.setItems(categories);
        category.setClearButtonVisible(true);
        category.setEnabled(!categories.isEmpty());
        if (categories.isEmpty()) {
            category.setHelperText(getTranslation("prompt.category-none"));
        }
        tags.setId("prompt-tags");
        tags.setLabel(getTranslation("prompt.tags"));
        tags.setHelperText(getTranslation("prompt.tags-rule"));
        error.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
        error.setVisible(false);
        Button save = new Button(existing == null ? getTranslation("prompt.save") : getTranslation("prompt.update"),
                click -> save());
        save.setId("prompt-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        Button cancel = new Button(getTranslation("prompt.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("prompt-cancel");
        add(name, description, category, tags, error, new HorizontalLayout(save, cancel));
        if (existing != null) {
            name.setValue(existing.name());
            description.setValue(existing.description() == null ? "" : existing.description());
            category.setValue(existing.category());
            tags.setValue(String.join(", ", existing.tags()));
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** Puts each problem core found beside its field. */
    void showViolations(List<Violation> violations) {
        violations.forEach(violation -> {
            String path = String.valueOf(violation.field());
            HasValidation field = switch (path.startsWith("tags[") ? "tags" : path) {
                case "name" -> name;
                case "description" -> description;
                case "category" -> category;
                case "tags" -> tags;
                default -> null;
            };
            if (field == null) {
                showError(violation.message());
            } else {
                field.setErrorMessage(violation.message());
                field.setInvalid(true);
            }
        });
    }

    void showNameTaken() {
        name.setErrorMessage(getTranslation("prompt.name-taken"));
        name.setInvalid(true);
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void save() {
        List.<HasValidation>of(name, description, category, tags).forEach(field -> field.setInvalid(false));
        error.setVisible(false);
        if (name.getValue().isBlank()) {
            name.setErrorMessage(getTranslation("prompt.name-missing"));
            name.setInvalid(true);
            return;
        }
        fireEvent(new SaveEvent(this, new PromptInput(name.getValue().strip(), blankToNull(description.getValue()),
                category.getValue(), parseTags(tags.getValue()))));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static List<String> parseTags(String text) {
        return Arrays.stream(text.split("[,\\s]+"))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .distinct()
                .toList();
    }

    static final class SaveEvent extends ComponentEvent<PromptForm> {
        private final PromptInput input;

        SaveEvent(PromptForm source, PromptInput input) {
            super(source, false);
            this.input = input;
        }

        PromptInput input() {
            return input;
        }
    }

    static final class CancelEvent extends ComponentEvent<PromptForm> {
        CancelEvent(PromptForm source) {
            super(source, false);
        }
    }
}
