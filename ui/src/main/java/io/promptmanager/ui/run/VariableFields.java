package io.promptmanager.ui.run;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import io.promptmanager.core.prompt.VariableDeclaration;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One field per declared variable: a text area for {@code string}, a text field read as an
 * exact decimal for {@code number}, a check box for {@code boolean}; required ones marked,
 * defaults filled in, problems shown at the field. Knows no service.
 */
final class VariableFields extends FormLayout {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(VariableDeclaration declaration, AbstractField<?, ?> field) {
    }

    VariableFields(List<VariableDeclaration> declarations) {
        setId("run-variables");
        declarations.forEach(variable -> {
            AbstractField<?, ?> field = field(variable);
            entries.put(variable.name(), new Entry(variable, field));
            add(field);
        });
    }

    /** The values to run with, or empty after marking each field whose value is missing or not valid. */
    Optional<Map<String, Object>> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        boolean valid = true;
        for (Entry entry : entries.values()) {
            VariableDeclaration variable = entry.declaration();
            if (entry.field() instanceof Checkbox box) {
                values.put(variable.name(), box.getValue());
                continue;
            }
            TextFieldBase<?, String> text = textField(entry);
            text.setInvalid(false);
            String value = text.getValue();
            if (value.isEmpty()) {
                if (variable.required() && variable.defaultValue() == null) {
                    show(text, getTranslation("run.variable.required"));
                    valid = false;
                }
                // absent: core fills in the default, or nothing for an optional variable
            } else if ("number".equals(variable.type())) {
                Optional<BigDecimal> number = parseNumber(value);
                if (number.isPresent()) {
                    values.put(variable.name(), number.get());
                } else {
                    show(text, getTranslation("run.variable.not-a-number"));
                    valid = false;
                }
            } else {
                values.put(variable.name(), value);
            }
        }
        return valid ? Optional.of(values) : Optional.empty();
    }

    /** Shows core's verdict on a variable at its field; false when no field has that name. */
    boolean showProblem(String variable, String message) {
        Entry entry = entries.get(variable);
        if (entry == null || entry.field() instanceof Checkbox) {
            return false;
        }
        show(textField(entry), message);
        return true;
    }

    void setFieldsEnabled(boolean enabled) {
        entries.values().forEach(entry -> entry.field().setEnabled(enabled));
    }

    /** A decimal as people type it: {@code 3.5}, {@code 3,5} or {@code -2e3}; never through a double. */
    static Optional<BigDecimal> parseNumber(String text) {
        String plain = text.strip().replace('\u00a0', ' ').replace(" ", "");
        if (plain.indexOf('.') < 0) {
            plain = plain.replace(',', '.');
        }
        try {
            return Optional.of(new BigDecimal(plain));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private AbstractField<?, ?> field(VariableDeclaration variable) {
        Object defaultValue = variable.defaultValue();
        AbstractField<?, ?> field = switch (variable.type()) {
            case "boolean" -> {
                Checkbox box = new Checkbox(variable.name(), Boolean.TRUE.equals(defaultValue));
                yield box;
            }
            case "number" -> {
                TextField number = new TextField(variable.name());
                number.setValue(defaultValue == null ? "" : new BigDecimal(defaultValue.toString()).toPlainString());
                number.setAllowedCharPattern("[0-9.,eE+\\-]");
                yield number;
            }
            default -> {
                TextArea text = new TextArea(variable.name());
                text.setValue(defaultValue == null ? "" : defaultValue.toString());
                text.setMaxHeight("12em");
                setColspan(text, 2);
                yield text;
            }
        };
        field.setId("variable-" + variable.name());
        if (field instanceof TextFieldBase<?, ?> text) {
            text.setManualValidation(true);
            if (variable.description() != null) {
                text.setHelperText(variable.description());
            }
        } else if (variable.description() != null) {
            ((Checkbox) field).setTooltipText(variable.description());
        }
        field.setRequiredIndicatorVisible(variable.required() && defaultValue == null);
        return field;
    }

    @SuppressWarnings("unchecked")
    private static TextFieldBase<?, String> textField(Entry entry) {
        return (TextFieldBase<?, String>) entry.field();
    }

    private static void show(TextFieldBase<?, String> field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }
}
