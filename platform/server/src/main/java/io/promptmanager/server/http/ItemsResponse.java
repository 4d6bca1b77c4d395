package io.promptmanager.server.http;

import java.util.List;
import java.util.function.Function;

/** A complete (unpaged) list, wrapped in an object so fields can be added later without breaking clients. */
public record ItemsResponse<T>(List<T> items) {
    public static <C, T> ItemsResponse<T> of(List<C> items, Function<C, T> mapper) {
        return new ItemsResponse<>(items.stream().map(mapper).toList());
    }
}
