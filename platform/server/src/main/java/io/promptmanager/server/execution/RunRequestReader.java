package io.promptmanager.server.execution;

import io.promptmanager.core.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the body of a run, the API's hottest request, with a JSON-P parser instead of JSON-B's
 * reflective binding — and more strictly: a version must be a whole number that fits, stream a
 * boolean, variables an object. Failures are 400 VALIDATION_FAILED in the wording of every other
 * endpoint ({@code unknown field}, {@code has the wrong type or format}, {@code malformed JSON at
 * line l, column c}). Variables keep the request's order: numbers become BigDecimal, objects
 * maps, arrays lists.
 */
final class RunRequestReader {
    private static final JsonParserFactory PARSERS = JsonProvider.provider().createParserFactory(Map.of());
    private static final String WRONG_TYPE = "has the wrong type or format";
    private static final String NESTED_TOO_DEEPLY = "nested too deeply";

    private RunRequestReader() {
    }

    /** The request, or null for a body that is JSON {@code null}. */
    static RunRequest read(byte[] json) {
        // JSON travels as UTF-8 (RFC 8259): naming it spares the parser its encoding detection
        try (JsonParser parser = PARSERS.createParser(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            RunRequest request = switch (parser.next()) {
                case VALUE_NULL -> null;
                case START_OBJECT -> fields(parser);
                default -> throw DomainException.invalid("body", "the body does not have the expected JSON shape");
            };
            if (parser.hasNext()) {
                throw malformed(parser.getLocation());
            }
            return request;
        } catch (JsonParsingException e) {
            throw malformed(e.getLocation());
        } catch (NoSuchElementException endedEarly) {
            throw malformed(null);
        } catch (DomainException e) {
            throw e;
        } catch (RuntimeException refusedByParser) {
            // Parsson refuses input nested over 1,000 levels with a plain RuntimeException
            throw DomainException.invalid("body", "malformed JSON: " + NESTED_TOO_DEEPLY);
        }
    }

    private static RunRequest fields(JsonParser parser) {
        Map<String, Object> variables = null;
        Integer version = null;
        Boolean stream = null;
        for (Event event = parser.next(); event != Event.END_OBJECT; event = parser.next()) {
            String name = parser.getString();
            Event value = parser.next();
            switch (name) {
                case "variables" -> variables = variables(parser, value);
                case "version" -> version = version(parser, value);
                case "stream" -> stream = stream(value);
                default -> throw DomainException.invalid(name, "unknown field");
            }
        }
        return new RunRequest(variables, version, stream);
    }

    private static Map<String, Object> variables(JsonParser parser, Event value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case START_OBJECT -> map(parser.getObject());
            default -> throw DomainException.invalid("variables", WRONG_TYPE);
        };
    }

    private static Integer version(JsonParser parser, Event value) {
        if (value == Event.VALUE_NULL) {
            return null;
        }
        if (value != Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
            throw DomainException.invalid("version", WRONG_TYPE);
        }
        try {
            return parser.getBigDecimal().intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw DomainException.invalid("version", WRONG_TYPE);
        }
    }

    private static Boolean stream(Event value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw DomainException.invalid("stream", WRONG_TYPE);
        };
    }

    private static Map<String, Object> map(JsonObject object) {
        Map<String, Object> map = LinkedHashMap.newLinkedHashMap(object.size());
        object.forEach((name, value) -> map.put(name, plain(value)));
        return map;
    }

    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
            case OBJECT -> map(value.asJsonObject());
            case ARRAY -> list(value.asJsonArray());
        };
    }

    private static List<Object> list(JsonArray array) {
        List<Object> list = new ArrayList<>(array.size());
        array.forEach(item -> list.add(plain(item)));
        return list;
    }

    private static DomainException malformed(JsonLocation at) {
        return DomainException.invalid("body", at == null ? "malformed JSON"
                : "malformed JSON at line " + at.getLineNumber() + ", column " + at.getColumnNumber());
    }
}
