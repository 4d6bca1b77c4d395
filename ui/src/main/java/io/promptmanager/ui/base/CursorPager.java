package io.promptmanager.ui.base;

import com.vaadin.flow.function.SerializableFunction;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves a grid's offset/limit requests from core's cursor pages: pages are read in order, as far
 * as the grid scrolls, and kept, so scrolling back costs nothing. One pager per search; a new
 * search starts a new pager.
 */
public class CursorPager<T> implements Serializable {
    public static final int PAGE_SIZE = PageRequest.MAX_LIMIT;

    private final SerializableFunction<PageRequest, Page<T>> source;
    private final List<T> loaded = new ArrayList<>();
    private String nextCursor;
    private boolean exhausted;

    public CursorPager(SerializableFunction<PageRequest, Page<T>> source) {
        this.source = source;
    }

    public final List<T> fetch(int offset, int limit) {
        while (!exhausted && loaded.size() < offset + limit) {
            Page<T> page = source.apply(new PageRequest(PAGE_SIZE, nextCursor));
            loaded.addAll(page.items());
            nextCursor = page.nextCursor();
            exhausted = nextCursor == null || page.items().isEmpty();
        }
        int from = Math.min(offset, loaded.size());
        int to = Math.min(offset + limit, loaded.size());
        return List.copyOf(loaded.subList(from, to));
    }
}
