package io.promptmanager.core.prompt;

import io.promptmanager.core.common.Validator;
import io.promptmanager.core.common.Violation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches the values a caller passes against a version's declared variables, strictly: a missing
 * required variable, an undeclared one and a value of the wrong type are each reported on
 * {@code variables.<name>}, all at once. A JSON null counts as absent.
 */
final class VariableBinder {

    /** The values to render with: every declared variable present, defaults filled in. */
    Map<String, Object> bind(List<VariableDeclaration> declared, Map<String, Object> given) {
        Map<String, Object> values = given == null ? Map.of() : given;
        Validator validator = new Validator();
        Map<String, Object> bound = HashMap.newHashMap(declared.size());
        for (VariableDeclaration variable : declared) {
            Object value = values.get(variable.name());
            VariableType type = VariableType.of(variable.type()).orElseThrow();
            if (value == null) {
                if (variable.defaultValue() == null && variable.required()) {
                    validator.add(new Violation(field(variable.name()),
                            "the required variable '" + variable.name() + "' is missing"));
                }
                bound.put(variable.name(), variable.defaultValue() == null ? "" : variable.defaultValue());
            } else if (type.accepts(value)) {
                bound.put(variable.name(), type.normalize(value));
            } else {
                validator.add(new Violation(field(variable.name()), "'" + variable.name() + "' must be " + type.description()));
            }
        }
        Set<String> undeclared = new TreeSet<>();
        for (String name : values.keySet()) {
            if (!isDeclared(declared, name)) {
                undeclared.add(name);
            }
        }
        undeclared.forEach(name -> validator.add(new Violation(field(name),
                "'" + name + "' is not declared by this version")));
        validator.throwIfInvalid();
        return bound;
    }

    private static boolean isDeclared(List<VariableDeclaration> declared, String name) {
        for (VariableDeclaration variable : declared) {
            if (variable.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String field(String name) {
        return "variables." + name;
    }
}
