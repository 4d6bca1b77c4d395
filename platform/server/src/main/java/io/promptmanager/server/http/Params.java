package io.promptmanager.server.http;

import io.helidon.webserver.http.ServerRequest;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.PageRequest;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Typed path, query and body values; a value that does not parse is a 400 VALIDATION_FAILED
 * naming the parameter.
 */
public final class Params {
    private Params() {
    }

    public static String path(ServerRequest request, String name) {
        return request.path().pathParameters().get(name);
    }

    public static UUID uuid(ServerRequest request, String name) {
        String value = path(request, name);
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("not canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(name, name + " must be a UUID");
        }
    }

    /** A positive whole number in the path, e.g. a version number. */
    public static int number(ServerRequest request, String name) {
        return positiveInt(name, path(request, name));
    }

    public static Optional<String> query(ServerRequest request, String name) {
        return request.query().first(name).asOptional().filter(value -> !value.isBlank());
    }

    public static int requiredQueryNumber(ServerRequest request, String name) {
        return positiveInt(name, query(request, name)
                .orElseThrow(() -> DomainException.invalid(name, name + " is required")));
    }

    public static <E extends Enum<E>> E queryEnum(ServerRequest request, String name, Class<E> type) {
        return query(request, name).map(value -> enumValue(name, value, type)).orElse(null);
    }

    /** {@code limit} (default 20, at most 100) and the opaque {@code cursor} of a list. */
    public static PageRequest page(ServerRequest request) {
        int limit = query(request, "limit").map(value -> positiveInt("limit", value))
                .orElse(PageRequest.DEFAULT_LIMIT);
        return new PageRequest(limit, query(request, "cursor").orElse(null));
    }

    /** An enum constant by its exact name, or null for null; anything else names the allowed values. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw DomainException.invalid(field, field + " must be one of " + allowed);
        }
    }

    private static int positiveInt(String name, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw DomainException.invalid(name, name + " must be a positive whole number");
        }
    }
}
