package io.promptmanager.ui.analytics;

import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.Seeds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyticsViewTest extends ConsoleBrowserlessTest {
    private static final Instant NOW = Instant.now();

    @Test
    void totalsAndTablesAddUpTheSeededRunsOfTheUserOnly() {
        // given
        User user = newUser("Analyst");
        Instant yesterday = NOW.minusSeconds(86_400);
        Instant threeDaysAgo = NOW.minusSeconds(3 * 86_400);
        Seeds.record(platform(), List.of(
                Seeds.succeeded(user, "alpha", "m/a", BillingType.SYSTEM, 100, "0.010", yesterday),
                Seeds.succeeded(user, "alpha", "m/a", BillingType.SYSTEM, 200, "0.002", yesterday),
                Seeds.succeeded(user, "beta", "m/b", BillingType.BYOK, 300, "0.5", threeDaysAgo),
                Seeds.failed(user, "alpha", "m/a", "PROVIDER_ERROR", 1000, threeDaysAgo),
                Seeds.succeeded(newUser("Other"), "alpha", "m/a", BillingType.SYSTEM, 5, "9", yesterday)));
        signIn(user);

        // when
        navigate(AnalyticsView.class);

        // then
        assertThat(text("analytics-total-runs")).isEqualTo("4");
        assertThat(text("analytics-total-cost")).isEqualTo("$0.512");
        assertThat(text("analytics-error-rate")).isEqualTo("25.0%");
        // latencies 100, 200, 300 and 1,000 ms: percentiles are read from the histogram's buckets, here the
        // upper bounds of (180, 220] and (820, 1,000]; beta's one run of 300 ms is in (270, 330]
        assertThat(text("analytics-p50")).isEqualTo("220 ms");
        assertThat(text("analytics-p95")).isEqualTo("1,000 ms");
        assertThat(text("analytics-total-tokens")).isEqualTo("360");
        assertThat(find(Paragraph.class).id("analytics-unknown-cost").getText()).isEqualTo("1 run has an unknown cost (failed runs, variable prices), not counted in the cost.");
        assertThat(rows("analytics-prompts")).containsExactly(
                List.of("alpha", "3", "1", "33.3%", "$0.012", "240", "220 ms", "1,000 ms"),
                List.of("beta", "1", "0", "0.0%", "$0.50", "120", "330 ms", "330 ms"));
        assertThat(rows("analytics-models")).extracting(row -> row.subList(0, 5)).containsExactly(
                List.of("m/a", "3", "1", "33.3%", "$0.012"),
                List.of("m/b", "1", "0", "0.0%", "$0.50"));
        assertThat(rows("analytics-billing")).extracting(row -> row.subList(0, 5)).containsExactly(
                List.of("SYSTEM", "3", "1", "33.3%", "$0.012"),
                List.of("BYOK", "1", "0", "0.0%", "$0.50"));
        assertThat(rows("analytics-days")).extracting(row -> row.subList(0, 5)).containsExactly(
                List.of(day(threeDaysAgo), "2", "1", "50.0%", "$0.50"),
                List.of(day(yesterday), "2", "0", "0.0%", "$0.012"));
    }

    @Test
    void chartsAreDrawnAsSvgWithTheSeriesNamesAndValues() {
        // given
        User user = newUser("Charted");
        Seeds.record(platform(), List.of(
                Seeds.succeeded(user, "alpha", "m/a", BillingType.SYSTEM, 100, "0.010", NOW.minusSeconds(86_400)),
                Seeds.succeeded(user, "beta", "m/b", BillingType.BYOK, 300, "0.5", NOW.minusSeconds(86_400))));
        signIn(user);

        // when
        navigate(AnalyticsView.class);

        // then
        assertThat(svg("chart-cost-per-day")).startsWith("<svg").contains("<title>Cost per day</title>", ">$0.51<");
        assertThat(svg("chart-latency")).contains(">p50<", ">p95<");
        assertThat(svg("chart-error-rate")).contains("<title>Error rate per day</title>");
        assertThat(svg("chart-runs-by-prompt")).contains(">alpha<", ">beta<");
        assertThat(svg("chart-cost-by-prompt")).contains(">$0.01<", ">$0.50<");
        assertThat(svg("chart-runs-by-model")).contains(">m/a<", ">m/b<");
        assertThat(svg("chart-runs-by-billing")).contains(">SYSTEM: 1 (50.0%)<", ">BYOK: 1 (50.0%)<");
    }

    @Test
    void periodSelectorChangesTheDaysCovered() {
        // given
        User user = newUser("Periodic");
        Seeds.record(platform(), List.of(
                Seeds.succeeded(user, "old", "m/a", BillingType.SYSTEM, 100, "0.25", NOW.minusSeconds(20 * 86_400))));
        signIn(user);
        navigate(AnalyticsView.class);
        assertThat(text("analytics-total-runs")).isEqualTo("1");

        // when
        test(period()).selectItem("Last 7 days");

        // then
        assertThat(find(Paragraph.class).id("analytics-empty").getText()).startsWith("No runs in the last 7 days.");
        assertThat(find(Span.class).withId("analytics-total-runs").exists()).isFalse();

        // when
        test(period()).selectItem("Last 90 days");

        // then
        assertThat(text("analytics-total-cost")).isEqualTo("$0.25");
    }

    @Test
    void withoutRunsItSaysWhatToDoNext() {
        // when
        signIn(newUser("Idle"));
        navigate(AnalyticsView.class);

        // then
        assertThat(find(Paragraph.class).id("analytics-empty").getText()).isEqualTo("No runs in the last 30 days. Run a"
                + " prompt, or choose a longer period, to see cost, errors and latency here.");
        assertThat(find(Svg.class).exists()).isFalse();
    }

    private String text(String id) {
        return find(Span.class).id(id).getText();
    }

    private String svg(String id) {
        return find(Svg.class).id(id).getElement().getProperty("innerHTML");
    }

    @SuppressWarnings("unchecked")
    private Select<Integer> period() {
        return find(Select.class).id("analytics-period");
    }

    @SuppressWarnings("unchecked")
    private List<List<String>> rows(String id) {
        GridTester<Grid<MeasuresTable.Row>, MeasuresTable.Row> grid = test((Grid<MeasuresTable.Row>) find(Grid.class).id(id));
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            List<String> cells = new ArrayList<>();
            for (int column = 0; column < 8; column++) {
                cells.add(grid.getCellText(row, column));
            }
            rows.add(cells);
        }
        return rows;
    }

    private static String day(Instant time) {
        return LocalDate.ofInstant(time, ZoneOffset.UTC).toString();
    }
}
