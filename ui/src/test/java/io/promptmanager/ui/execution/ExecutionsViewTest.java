package io.promptmanager.ui.execution;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.Execution;
import io.promptmanager.core.execution.ExecutionCsv;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.Seeds;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExecutionsViewTest extends ConsoleBrowserlessTest {
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void listsOnlyTheUsersRunsNewestFirstWithTheirFigures() {
        // given
        User user = newUser("Historian");
        Seeds.record(platform(), List.of(
                Seeds.succeeded(user, "alpha", "m/a", BillingType.SYSTEM, 812, "0.000136", MARCH_1),
                Seeds.failed(user, "beta", "m/b", "PROVIDER_TIMEOUT", 2000, MARCH_1.plusSeconds(60)),
                Seeds.succeeded(newUser("Other"), "alpha", "m/a", BillingType.SYSTEM, 5, "1", MARCH_1)));

        // when
        signIn(user);
        navigate(ExecutionsView.class);

        // then
        GridTester<Grid<Execution>, Execution> grid = test(grid());
        assertThat(grid.size()).isEqualTo(2);
        assertThat(row(grid, 0)).containsExactly("beta", "v1", "m/b", "Failed", "SYSTEM", "0 in · 0 out", "—",
                "2,000 ms");
        assertThat(row(grid, 1)).containsExactly("alpha", "v1", "m/a", "Succeeded", "SYSTEM", "100 in · 20 out",
                "$0.000136", "812 ms");
        assertThat(grid.getCellText(1, 0)).contains("3/1/26");
    }

    @Test
    void eachFilterNarrowsTheGrid() {
        // given
        User user = newUser("Filterer");
        Seeds.record(platform(), sampleRuns(user));
        signIn(user);
        navigate(ExecutionsView.class);
        GridTester<Grid<Execution>, Execution> grid = test(grid());
        assertThat(grid.size()).isEqualTo(8);

        // when / then
        test(combo("executions-filter-prompt")).selectItem("alpha");
        assertThat(grid.size()).isEqualTo(4);
        test(select("executions-filter-status")).selectItem("Failed");
        assertThat(grid.size()).isEqualTo(1);
        select("executions-filter-status").clear(); // the empty choice, "Any"
        test(select("executions-filter-billing")).selectItem("BYOK");
        assertThat(grid.size()).isEqualTo(1);
        assertThat(grid.getRow(0).billingType()).isEqualTo(BillingType.BYOK);
        test(find(Button.class).id("executions-filter-clear")).click();
        assertThat(grid.size()).isEqualTo(8);
        test(combo("executions-filter-model")).selectItem("m/b");
        assertThat(grid.size()).isEqualTo(4);
        test(find(Button.class).id("executions-filter-clear")).click();
        test(find(DatePicker.class).id("executions-filter-from")).setValue(LocalDate.of(2026, 3, 2));
        test(find(DatePicker.class).id("executions-filter-to")).setValue(LocalDate.of(2026, 3, 3));
        assertThat(grid.size()).isEqualTo(4);
        assertThat(allRows(grid)).extracting(Execution::createdAt)
                .allSatisfy(time -> assertThat(time).isBetween(MARCH_1.plusSeconds(86_400), MARCH_1.plusSeconds(3 * 86_400)));
    }

    @Test
    void filterSuggestsThePromptsAndModelsOfTheRunsAndTakesATypedName() {
        // given
        User user = newUser("Typist");
        Seeds.record(platform(), sampleRuns(user));
        signIn(user);
        navigate(ExecutionsView.class);
        ComboBox<String> prompt = combo("executions-filter-prompt");
        assertThat(test(prompt).getSuggestions()).containsExactly("alpha", "beta");
        assertThat(test(combo("executions-filter-model")).getSuggestions()).containsExactly("m/a", "m/b");

        // when
        fireCustomValue(prompt, "beta");

        // then
        assertThat(test(grid()).size()).isEqualTo(4);

        // when
        fireCustomValue(prompt, "no-such-prompt");

        // then
        assertThat(test(grid()).size()).isZero();
        assertThat(find(Paragraph.class).id("executions-empty").getText())
                .isEqualTo("No run matches these filters. Change or clear them.");
    }

    @Test
    void endDayBeforeStartDayIsShownAtTheField() {
        // given
        User user = newUser("Confused");
        Seeds.record(platform(), sampleRuns(user));
        signIn(user);
        navigate(ExecutionsView.class);

        // when
        find(DatePicker.class).id("executions-filter-to").setValue(LocalDate.of(2026, 3, 1));
        find(DatePicker.class).id("executions-filter-from").setValue(LocalDate.of(2026, 3, 3));

        // then
        DatePicker to = find(DatePicker.class).id("executions-filter-to");
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The end day must not be before the start day.");
    }

    @Test
    void loadMoreReadsTheNextPageOfRuns() {
        // given
        User user = newUser("Busy");
        List<ExecutionRecord> runs = new ArrayList<>();
        for (int i = 0; i < ExecutionsView.PAGE_SIZE + 10; i++) {
            runs.add(Seeds.succeeded(user, "bulk", "m/a", BillingType.SYSTEM, 10, "0.01", MARCH_1.plusSeconds(i)));
        }
        Seeds.record(platform(), runs);
        signIn(user);
        navigate(ExecutionsView.class);
        GridTester<Grid<Execution>, Execution> grid = test(grid());
        assertThat(grid.size()).isEqualTo(ExecutionsView.PAGE_SIZE);

        // when
        test(find(Button.class).id("executions-load-more")).click();

        // then
        assertThat(grid.size()).isEqualTo(ExecutionsView.PAGE_SIZE + 10);
        assertThat(allRows(grid)).extracting(Execution::id).doesNotHaveDuplicates();
        assertThat(find(Button.class).withId("executions-load-more").exists()).isFalse();
    }

    @Test
    void exportsTheFilteredRunsAsCsv() {
        // given
        User user = newUser("Exporter");
        Seeds.record(platform(), sampleRuns(user));
        signIn(user);
        navigate(ExecutionsView.class);
        test(combo("executions-filter-model")).selectItem("m/a");

        // when
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test(find(Anchor.class).id("executions-export")).download(file);

        // then
        String csv = file.toString(StandardCharsets.UTF_8);
        List<Execution> expected = services().executionHistoryService()
                .export(Actor.console(user), new ExecutionFilter(null, null, null, "m/a", null, null)).rows();
        assertThat(expected).hasSize(4);
        assertThat(csv).isEqualTo(ExecutionCsv.write(expected));
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).startsWith("id,createdAt,prompt,version,provider,model,");
        assertThat(List.of(lines).subList(1, 5)).allSatisfy(line -> assertThat(line).contains(",m/a,"));
    }

    @Test
    void clickingARunOpensIt() {
        // given
        User user = newUser("Clicker");
        Seeds.record(platform(), List.of(Seeds.succeeded(user, "alpha", "m/a", BillingType.SYSTEM, 10, "0.01", MARCH_1)));
        signIn(user);
        navigate(ExecutionsView.class);

        // when
        test(grid()).clickRow(0);

        // then
        assertThat(getCurrentView()).isInstanceOf(ExecutionDetailView.class);
    }

    @Test
    void emptyHistorySaysWhatToDoNext() {
        // when
        signIn(newUser("Newcomer"));
        navigate(ExecutionsView.class);

        // then
        assertThat(test(grid()).size()).isZero();
        assertThat(find(Paragraph.class).id("executions-empty").getText())
                .isEqualTo("No runs yet. Open a prompt and run it: every run shows up here with its cost.");
    }

    /** Eight runs, two a day from March 1st: prompts alternate, m/a then m/b, the last two failed, one BYOK. */
    private static List<ExecutionRecord> sampleRuns(User user) {
        List<ExecutionRecord> runs = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Instant at = MARCH_1.plusSeconds(86_400L * (i / 2) + i);
            String prompt = i % 2 == 0 ? "alpha" : "beta";
            String model = i < 4 ? "m/a" : "m/b";
            runs.add(i >= 6 ? Seeds.failed(user, prompt, model, "PROVIDER_ERROR", 50, at)
                    : Seeds.succeeded(user, prompt, model, i == 2 ? BillingType.BYOK : BillingType.SYSTEM, 50, "0.01", at));
        }
        return runs;
    }

    private static List<String> row(GridTester<Grid<Execution>, Execution> grid, int row) {
        List<String> cells = new ArrayList<>();
        for (int column = 1; column <= 8; column++) {
            cells.add(grid.getCellText(row, column));
        }
        return cells;
    }

    private static List<Execution> allRows(GridTester<Grid<Execution>, Execution> grid) {
        List<Execution> rows = new ArrayList<>();
        for (int i = 0; i < grid.size(); i++) {
            rows.add(grid.getRow(i));
        }
        return rows;
    }

    private static void fireCustomValue(ComboBox<String> box, String text) {
        com.vaadin.flow.component.ComponentUtil.fireEvent(box,
                new com.vaadin.flow.component.combobox.ComboBoxBase.CustomValueSetEvent<>(box, true, text));
    }

    @SuppressWarnings("unchecked")
    private Grid<Execution> grid() {
        return find(Grid.class).id("executions");
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> combo(String id) {
        return find(ComboBox.class).id(id);
    }

    @SuppressWarnings("unchecked")
    private Select<Object> select(String id) {
        return find(Select.class).id(id);
    }
}
