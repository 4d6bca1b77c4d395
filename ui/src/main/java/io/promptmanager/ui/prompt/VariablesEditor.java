package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.prompt.VariableDeclaration;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The variables a version declares: name, type, required, default (of that type) and
 * description. Row {@code i}'s fields are {@code #variable-name-i}, {@code #variable-type-i},
 * {@code #variable-required-i}, {@code #variable-default-i}, {@code #variable-description-i} and
 * {@code #variable-remove-i}.
 */
final class VariablesEditor extends VerticalLayout {
    /** The types core accepts, as it names them. */
    static final List<String> TYPES = List.of("string", "number", "boolean");

    private final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();
    private final Paragraph none = new Paragraph();

    VariablesEditor() {
        setPadding(false);
        list.setPadding(false);
        none.setId("variables-none");
        none.setText(getTranslation("editor.variables-none", "{{name}}"));
        none.addClassNames(LumoUtility.TextColor.SECONDARY);
        Button addVariable = new Button(getTranslation("editor.add-variable"), VaadinIcon.PLUS.create(),
                click -> {
                    rows.add(new Row(new VariableDeclaration("", "string", true, null, null)));
                    renumber();
                });
        addVariable.setId("add-variable");
        addVariable.addThemeVariants(ButtonVariant.TERTIARY);
        add(new H3(getTranslation("editor.variables")), none, list, addVariable);
    }

    void setVariables(List<VariableDeclaration> variables) {
        rows.clear();
        variables.forEach(variable -> rows.add(new Row(variable)));
        renumber();
    }

    /** Checks what core cannot tell apart from a typing mistake: defaults that are not of their type. */
    boolean checkDefaults() {
        boolean valid = true;
        for (Row row : rows) {
            valid &= row.checkDefault();
        }
        return valid;
    }

    List<VariableDeclaration> variables() {
        return rows.stream().map(Row::declaration).toList();
    }

    void clearErrors() {
        rows.forEach(row -> FieldErrors.clear(row.name, row.type, row.defaultValue, row.description));
    }

    /** Shows a problem with {@code variables[i]…} at its field; false when it is about something else. */
    boolean show(Violation violation) {
        FieldErrors.Indexed at = FieldErrors.Indexed.parse(violation.field());
        if (at == null || !at.list().equals("variables") || at.index() >= rows.size()) {
            return false;
        }
        Row row = rows.get(at.index());
        switch (at.property()) {
            case "type" -> FieldErrors.mark(row.type, violation.message());
            case "default" -> FieldErrors.mark(row.defaultValue, violation.message());
            case "description" -> FieldErrors.mark(row.description, violation.message());
            default -> FieldErrors.mark(row.name, violation.message());
        }
        return true;
    }

    private void renumber() {
        list.removeAll();
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i);
            list.add(rows.get(i));
        }
        none.setVisible(rows.isEmpty());
    }

    private final class Row extends HorizontalLayout {
        private final TextField name = new TextField();
        private final Select<String> type = new Select<>();
        private final Checkbox required = new Checkbox();
        private final TextField defaultValue = new TextField();
        private final TextField description = new TextField();
        private final Button remove = new Button(VaadinIcon.TRASH.create());

        Row(VariableDeclaration variable) {
            setWidthFull();
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            name.setLabel(getTranslation("editor.variable-name"));
            name.setValue(variable.name() == null ? "" : variable.name());
            type.setLabel(getTranslation("editor.variable-type"));
            type.setItems(TYPES);
            type.setItemLabelGenerator(t -> getTranslation("editor.type." + t));
            type.setValue(TYPES.contains(variable.type()) ? variable.type() : "string");
            type.setWidth("9rem");
            required.setLabel(getTranslation("editor.variable-required"));
            required.setValue(variable.required());
            defaultValue.setLabel(getTranslation("editor.variable-default"));
            defaultValue.setValue(text(variable.defaultValue()));
            description.setLabel(getTranslation("editor.variable-description"));
            description.setValue(variable.description() == null ? "" : variable.description());
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setAriaLabel(getTranslation("editor.remove-variable"));
            remove.addClickListener(click -> {
                rows.remove(this);
                renumber();
            });
            type.addValueChangeListener(change -> hint());
            hint();
            name.setWidth("11rem");
            defaultValue.setWidth("9rem");
            description.setMinWidth("8rem");
            add(name, type, required, defaultValue, description, remove);
            expand(description);
        }

        void number(int index) {
            name.setId("variable-name-" + index);
            type.setId("variable-type-" + index);
            required.setId("variable-required-" + index);
            defaultValue.setId("variable-default-" + index);
            description.setId("variable-description-" + index);
            remove.setId("variable-remove-" + index);
        }

        boolean checkDefault() {
            String text = defaultValue.getValue().strip();
            if (text.isEmpty() || "string".equals(type.getValue()) || parsed(text) != null) {
                return true;
            }
            if ("boolean".equals(type.getValue())) {
                FieldErrors.mark(defaultValue, getTranslation("editor.default-not-boolean"));
            } else {
                FieldErrors.mark(defaultValue, getTranslation("editor.default-not-number"));
            }
            return false;
        }

        VariableDeclaration declaration() {
            String text = defaultValue.getValue();
            Object value;
            if ("string".equals(type.getValue())) {
                value = text.isEmpty() ? null : text;
            } else {
                value = text.isBlank() ? null : parsed(text.strip());
            }
            return new VariableDeclaration(name.getValue().strip(), type.getValue(), required.getValue(), value,
                    description.getValue().isBlank() ? null : description.getValue().strip());
        }

        /** The default as its type's Java value (BigDecimal, Boolean), or null when it is not one. */
        private Object parsed(String text) {
            if ("number".equals(type.getValue())) {
                try {
                    return new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return null;
                }
            }
            String lower = text.toLowerCase(Locale.ROOT);
            return lower.equals("true") ? Boolean.TRUE : lower.equals("false") ? Boolean.FALSE : null;
        }

        private void hint() {
            defaultValue.setPlaceholder("boolean".equals(type.getValue()) ? "true / false" : null);
        }

        private static String text(Object value) {
            if (value == null) {
                return "";
            }
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        }
    }
}
