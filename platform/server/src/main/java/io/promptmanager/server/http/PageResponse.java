package io.promptmanager.server.http;

import io.promptmanager.core.common.Page;

import java.util.List;
import java.util.function.Function;

/** A page of a newest-first list; pass {@code nextCursor} back as {@code cursor} (null on the last page). */
public record PageResponse<T>(List<T> items, String nextCursor) {
    public static <C, T> PageResponse<T> of(Page<C> page, Function<C, T> mapper) {
        return new PageResponse<>(page.items().stream().map(mapper).toList(), page.nextCursor());
    }
}
