package io.promptmanager.ui.category;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;

/** A category's name, for a new category or a rename. Fires {@link SaveEvent} or {@link CancelEvent}. */
final class CategoryForm extends VerticalLayout {
    private final TextField name = new TextField();

    CategoryForm(String current) {
        setPadding(false);
        name.setId("category-name");
        name.setLabel(getTranslation("categories.name"));
        name.setHelperText(getTranslation("categories.name-rule"));
        name.setMaxLength(60);
        name.setWidthFull();
        name.setValue(current == null ? "" : current);
        name.setAutofocus(true);
        Button save = new Button(current == null ? getTranslation("categories.create")
                : getTranslation("categories.rename-save"), click -> save());
        save.setId("category-save");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickShortcut(Key.ENTER);
        Button cancel = new Button(getTranslation("prompt.cancel"), click -> fireEvent(new CancelEvent(this)));
        cancel.setId("category-cancel");
        add(name, new HorizontalLayout(save, cancel));
    }

    void showError(String message) {
        name.setErrorMessage(message);
        name.setInvalid(true);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    private void save() {
        name.setInvalid(false);
        if (name.getValue().isBlank()) {
            showError(getTranslation("categories.name-missing"));
            return;
        }
        fireEvent(new SaveEvent(this, name.getValue().strip()));
    }

    static final class SaveEvent extends ComponentEvent<CategoryForm> {
        private final String name;

        SaveEvent(CategoryForm source, String name) {
            super(source, false);
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    static final class CancelEvent extends ComponentEvent<CategoryForm> {
        CancelEvent(CategoryForm source) {
            super(source, false);
        }
    }
}
