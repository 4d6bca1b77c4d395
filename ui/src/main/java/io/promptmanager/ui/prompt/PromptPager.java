package io.promptmanager.ui.prompt;

import com.vaadin.flow.function.SerializableFunction;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Prompt;
import io.promptmanager.ui.base.CursorPager;

/** The prompt list's {@link CursorPager}. */
final class PromptPager extends CursorPager<Prompt> {
    static final int PAGE_SIZE = CursorPager.PAGE_SIZE;

    PromptPager(SerializableFunction<PageRequest, Page<Prompt>> source) {
        super(source);
    }
}
