package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.HasValidation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shows a problem at its field, and reads core's violation paths ({@code messages[2].content}). */
final class FieldErrors {
    private static final Pattern INDEXED = Pattern.compile("^([A-Za-z]+)\\[(\\d{1,6})](?:\\.([A-Za-z]+))?$");

    private FieldErrors() {
    }

    static void mark(HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    static void clear(HasValidation... fields) {
        for (HasValidation field : fields) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    /**
     * A path into a list of the request: {@code variables[1].type} is list {@code variables},
     * index 1, property {@code type}; {@code messages[0]} has an empty property.
     */
    record Indexed(String list, int index, String property) {
        static Indexed parse(String path) {
            Matcher matcher = INDEXED.matcher(path == null ? "" : path);
            if (!matcher.matches()) {
                return null;
            }
            return new Indexed(matcher.group(1), Integer.parseInt(matcher.group(2)),
                    matcher.group(3) == null ? "" : matcher.group(3));
        }
    }
}
