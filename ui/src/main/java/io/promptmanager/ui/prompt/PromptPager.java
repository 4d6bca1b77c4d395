package io.promptmanager.ui.prompt;

import com.vaadin.flow.function.SerializableFunction;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Prompt;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves the grid's offset/limit requests from core's cursor pages: pages are read in order,
 * as far as the grid scrolls, and kept, so scrolling back costs nothing. One pager per search;
 * a new search starts a new pager.
 */
final class PromptPager implements Serializable {
    static final int PAGE_SIZE = PageRequest.MAX_LIMIT;

    private final SerializableFunction<PageRequest, Page<Prompt>> source;
    private final List<Prompt> loaded = new ArrayList<>();
    private String nextCursor;
    private boolean exhausted;

    PromptPager(SerializableFunction<PageRequest, Page<Prompt>> source) {
        this.source = source;
    }

    List<Prompt> fetch(int offset, int limit) {
        while (!exhausted && loaded.size() < offset + limit) {
            Page<Prompt> page = source.apply(new PageRequest(PAGE_SIZE, nextCursor));
            loaded.addAll(page.items());
            nextCursor = page.nextCursor();
            exhausted = nextCursor == null || page.items().isEmpty();
        }
        int from = Math.min(offset, loaded.size());
        int to = Math.min(offset + limit, loaded.size());
        return List.copyOf(loaded.subList(from, to));
    }
}
