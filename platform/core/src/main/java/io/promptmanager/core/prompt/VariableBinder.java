package io.promptmanager.core.prompt;

import io.promptmanager.core.common.Validator;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
        Map<String, Object> bound = new HashMap<>();
        for (VariableDeclaration variable : declared) {
            String field = "variables." + variable.name();
            Object value = values.get(variable.name());
            VariableType type = VariableType.of(variable.type()).orElseThrow();
            if (value == null) {
                validator.check(variable.defaultValue() != null || !variable.required(), field,
                        "the required variable '" + variable.name() + "' is missing");
                bound.put(variable.name(), variable.defaultValue() == null ? "" : variable.defaultValue());
            } else if (type.accepts(value)) {
                bound.put(variable.name(), type.normalize(value));
            } else {
                validator.check(false, field, "'" + variable.name() + "' must be " + type.description());
            }
        }
        Set<String> names = declared.stream().map(VariableDeclaration::name).collect(Collectors.toSet());
        for (String name : new TreeSet<>(values.keySet())) {
            validator.check(names.contains(name), "variables." + name,
                    "'" + name + "' is not declared by this version");
        }
        validator.throwIfInvalid();
        return bound;
    }
}
