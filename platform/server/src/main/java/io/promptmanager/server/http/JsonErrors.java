package io.promptmanager.server.http;

import io.promptmanager.core.common.Violation;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's wording for a request body that is not what an endpoint reads: the field path and
 * what is wrong, never a class name or a parser internal. {@link #violations} words a JSON-B
 * failure (Yasson nests one "Unable to deserialize property 'x'" per level); the other methods
 * give readers that parse by hand the same words.
 */
public final class JsonErrors {
    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)'");
    private static final Pattern UNKNOWN = Pattern.compile("Json property (\\S+) can not be mapped");
    private static final String BODY = "body";

    private JsonErrors() {
    }

    public static Violation unknownField(String path) {
        return new Violation(path, "unknown field");
    }

    public static Violation wrongType(String path) {
        return new Violation(path, "has the wrong type or format");
    }

    public static Violation notTheExpectedShape() {
        return new Violation(BODY, "the body does not have the expected JSON shape");
    }

    /** Malformed JSON, with where the parser stopped when it says. */
    public static Violation malformed(JsonLocation at) {
        return new Violation(BODY, at == null ? "malformed JSON"
                : "malformed JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
    }

    static Violation nestedTooDeeply() {
        return new Violation(BODY, "malformed JSON: nested too deeply");
    }

    static List<Violation> violations(JsonbException failure) {
        StringBuilder path = new StringBuilder();
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            innermost = t;
            if (t instanceof JsonParsingException parsing) {
                return List.of(malformed(parsing.getLocation()));
            }
            Matcher property = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (property.find()) {
                path.append(path.isEmpty() ? "" : ".").append(property.group(1));
            }
        }
        String message = String.valueOf(innermost.getMessage());
        Matcher unknown = UNKNOWN.matcher(message);
        if (unknown.find()) {
            return List.of(unknownField((path.isEmpty() ? "" : path + ".") + unknown.group(1)));
        }
        if (message.contains("Invalid token") || message.contains("Unexpected char")) {
            return List.of(malformed(null));
        }
        if (path.isEmpty()) {
            return List.of(notTheExpectedShape());
        }
        return List.of(wrongType(path.toString()));
    }
}
