package io.promptmanager.server.http;

import io.promptmanager.core.common.Violation;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Safe wording for a JSON-B failure: the field path and what is wrong, never a class name or a
 * parser internal. Yasson nests one "Unable to deserialize property 'x'" per level.
 */
final class JsonErrors {
    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)'");
    private static final Pattern UNKNOWN = Pattern.compile("Json property (\\S+) can not be mapped");

    private JsonErrors() {
    }

    static List<Violation> violations(JsonbException failure) {
        StringBuilder path = new StringBuilder();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            innermost = t;
            if (t instanceof JsonParsingException parsing) {
                return List.of(new Violation("body", "malformed JSON" + location(parsing)));
            }
            Matcher property = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (property.find()) {
                path.append(path.isEmpty() ? "" : ".").append(property.group(1));
            }
        }
        String message = String.valueOf(innermost.getMessage());
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return List.of(new Violation((path.isEmpty() ? "" : path + ".") + unknown.group(1), "unknown field"));
        }
        if (message.contains("Invalid token") || message.contains("Unexpected char")) {
            return List.of(new Violation("body", "malformed JSON"));
        }
        if (path.isEmpty()) {
            return List.of(new Violation("body", "the body does not have the expected JSON shape"));
        }
        return List.of(new Violation(path.toString(), "has the wrong type or format"));
    }

    private static String location(JsonParsingException parsing) {
        var at = parsing.getLocation();
        return at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber();
    }
}
