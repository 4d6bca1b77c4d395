package io.promptmanager.ui.prompt;

import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.prompt.Prompt;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PromptPagerTest {

    @Test
    void readsCursorPagesOnlyAsFarAsTheGridScrolls() {
        // given
        FakeCatalogue catalogue = new FakeCatalogue(250);
        PromptPager pager = new PromptPager(catalogue::page);

        // when
        List<Prompt> first = pager.fetch(0, 50);

        // then
        assertThat(names(first)).startsWith("p0", "p1").hasSize(50);
        assertThat(catalogue.requests).containsExactly("start");
    }

    @Test
    void servesARangeThatSpansTwoPages() {
        // given
        FakeCatalogue catalogue = new FakeCatalogue(250);
        PromptPager pager = new PromptPager(catalogue::page);

        // when
        List<Prompt> range = pager.fetch(90, 20);

        // then
        assertThat(names(range)).first().isEqualTo("p90");
        assertThat(names(range)).last().isEqualTo("p109");
        assertThat(catalogue.requests).containsExactly("start", "100");
    }

    @Test
    void stopsAtTheLastPageAndDoesNotReadPagesTwice() {
        // given
        FakeCatalogue catalogue = new FakeCatalogue(120);
        PromptPager pager = new PromptPager(catalogue::page);

        // when
        List<Prompt> tail = pager.fetch(100, 50);
        List<Prompt> again = pager.fetch(0, 50);
        List<Prompt> beyond = pager.fetch(200, 50);

        // then
        assertThat(tail).hasSize(20);
        assertThat(again).hasSize(50);
        assertThat(beyond).isEmpty();
        assertThat(catalogue.requests).containsExactly("start", "100");
    }

    private static List<String> names(List<Prompt> prompts) {
        return prompts.stream().map(Prompt::name).toList();
    }

    /** A newest-first list served in cursor pages, as PromptService does; the cursor is the next offset. */
    private static final class FakeCatalogue {
        private final List<Prompt> prompts;
        private final List<String> requests = new ArrayList<>();

        FakeCatalogue(int size) {
            Instant now = Instant.parse("2026-01-01T00:00:00Z");
            prompts = IntStream.range(0, size)
                    .mapToObj(i -> new Prompt(UUID.randomUUID(), "p" + i, null, null, List.of(), null, null, now, now))
                    .toList();
        }

        Page<Prompt> page(PageRequest request) {
            requests.add(request.cursor() == null ? "start" : request.cursor());
            int from = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
            int to = Math.min(from + request.limit(), prompts.size());
            return new Page<>(prompts.subList(from, to), to < prompts.size() ? String.valueOf(to) : null);
        }
    }
}
