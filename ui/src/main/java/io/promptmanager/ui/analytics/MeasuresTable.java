package io.promptmanager.ui.analytics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.function.ValueProvider;
import io.promptmanager.core.analytics.Measures;
import io.promptmanager.ui.execution.ExecutionLabels;
import io.promptmanager.ui.format.Formats;

import java.util.Locale;
import java.util.Map;

/** The numbers behind a chart: one row per key (day, prompt, model, billing type) with its measures. */
final class MeasuresTable {
    record Row(String key, Measures measures) {
    }

    private MeasuresTable() {
    }

    /** @param in the component whose language and locale the table uses */
    static Grid<Row> of(Component in, String id, String keyHeader, Map<String, Measures> rows) {
        Locale locale = Formats.locale(in);
        Grid<Row> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(Row::key).setHeader(keyHeader).setKey("key").setFlexGrow(2).setAutoWidth(true);
        number(grid, in.getTranslation("analytics.column.runs"), "runs",
                row -> Formats.count(row.measures().runs(), locale));
        number(grid, in.getTranslation("analytics.column.errors"), "errors",
                row -> Formats.count(row.measures().errors(), locale));
        number(grid, in.getTranslation("analytics.column.error-rate"), "error-rate",
                row -> Formats.percent(row.measures().errors(), row.measures().runs(), locale));
        number(grid, in.getTranslation("analytics.column.cost"), "cost",
                row -> Formats.usd(row.measures().cost(), locale));
        number(grid, in.getTranslation("analytics.column.tokens"), "tokens",
                row -> Formats.count(row.measures().promptTokens() + row.measures().completionTokens(), locale));
        number(grid, in.getTranslation("analytics.column.p50"), "p50", row -> millis(in, PeriodReport.p50(row.measures())));
        number(grid, in.getTranslation("analytics.column.p95"), "p95", row -> millis(in, row.measures().p95LatencyMs()));
        grid.setItems(rows.entrySet().stream().map(entry -> new Row(entry.getKey(), entry.getValue())).toList());
        return grid;
    }

    static String millis(Component in, Long millis) {
        return millis == null ? "—" : ExecutionLabels.latency(in, millis);
    }

    private static void number(Grid<Row> grid, String header, String key, ValueProvider<Row, String> value) {
        grid.addColumn(value).setHeader(header).setKey(key).setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }
}
