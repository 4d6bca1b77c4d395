package io.promptmanager.server.execution;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.Violation;
import io.promptmanager.server.http.ApiJson;
import io.promptmanager.server.http.JsonErrors;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Reads the body of a run, the API's hottest request, with a JSON-P parser instead of JSON-B's
 * reflective binding — and more strictly: a version must be a whole number that fits, stream a
 * boolean, variables an object. Failures are 400 VALIDATION_FAILED in {@link JsonErrors}' wording,
 * as on every other endpoint; nesting is bounded by {@link ApiJson#parser}. Variables keep the
 * request's order: numbers become BigDecimal, objects maps, arrays lists.
 */
final class RunRequestReader {

    private RunRequestReader() {
    }

    /** The request, or null for a body that is JSON {@code null}. */
    static RunRequest read(byte[] json) {
        try (JsonParser parser = ApiJson.parser(json)) {
            RunRequest request = switch (parser.next()) {
                case VALUE_NULL -> null;
                case START_OBJECT -> fields(parser);
                default -> throw invalid(JsonErrors.notTheExpectedShape());
            };
            if (parser.hasNext()) {
                throw invalid(JsonErrors.malformed(parser.getLocation()));
            }
            return request;
        } catch (JsonParsingException e) {
            throw invalid(JsonErrors.malformed(e.getLocation()));
        } catch (NoSuchElementException endedEarly) {
            throw invalid(JsonErrors.malformed(null));
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
                default -> throw invalid(JsonErrors.unknownField(name));
            }
        }
        return new RunRequest(variables, version, stream);
    }

    private static Map<String, Object> variables(JsonParser parser, Event value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case START_OBJECT -> map(parser.getObject());
            default -> throw invalid(JsonErrors.wrongType("variables"));
        };
    }

    private static Integer version(JsonParser parser, Event value) {
        if (value == Event.VALUE_NULL) {
            return null;
        }
        if (value != Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
            throw invalid(JsonErrors.wrongType("version"));
        }
        try {
            return parser.getBigDecimal().intValueExact();
        } catch (ArithmeticException tooLarge) {
            throw invalid(JsonErrors.wrongType("version"));
        }
    }

    private static Boolean stream(Event value) {
        return switch (value) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            default -> throw invalid(JsonErrors.wrongType("stream"));
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

    private static DomainException invalid(Violation violation) {
        return DomainException.invalid(List.of(violation));
    }
}
