package io.promptmanager.ui.analytics;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Svg;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;
import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.Measures;
import io.promptmanager.core.user.Actor;
import io.promptmanager.ui.analytics.charts.BarChart;
import io.promptmanager.ui.analytics.charts.PieChart;
import io.promptmanager.ui.analytics.charts.TimeSeriesChart;
import io.promptmanager.ui.auth.SignedIn;
import io.promptmanager.ui.auth.SignedInUser;
import io.promptmanager.ui.base.MainLayout;
import io.promptmanager.ui.format.Formats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The user's usage over the last 7, 30 or 90 UTC days: cost per day, runs and cost by prompt and
 * by model, SYSTEM vs BYOK, error rate and latency. Every chart is drawn on the server as SVG and
 * has a table of its numbers beside it.
 */
@SignedIn
@Route(value = AnalyticsView.ROUTE, layout = MainLayout.class)
public final class AnalyticsView extends VerticalLayout implements HasDynamicTitle {
    public static final String ROUTE = "analytics";
    static final List<Integer> PERIODS = List.of(7, 30, 90);

    private final transient AnalyticsService analytics;
    private final Actor actor;
    private final Select<Integer> period = new Select<>();
    private final VerticalLayout content = new VerticalLayout();

    public AnalyticsView(AnalyticsService analytics, SignedInUser user) {
        this.analytics = analytics;
        this.actor = user.actor();
        period.setId("analytics-period");
        period.setLabel(getTranslation("analytics.period"));
        period.setItems(PERIODS);
        period.setItemLabelGenerator(days -> getTranslation("analytics.period.days", days));
        period.setValue(AnalyticsService.DEFAULT_DAYS);
        period.addValueChangeListener(change -> show());
        content.setPadding(false);
        Paragraph utc = new Paragraph(getTranslation("analytics.utc"));
        utc.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        add(period, utc, content);
        show();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("analytics.page-title");
    }

    private void show() {
        content.removeAll();
        int days = period.getValue();
        PeriodReport report = PeriodReport.load(analytics, actor, LocalDate.now(ZoneOffset.UTC), days);
        if (report.totals().runs() == 0) {
            Paragraph empty = new Paragraph(getTranslation("analytics.empty", days));
            empty.setId("analytics-empty");
            content.add(empty);
            return;
        }
        content.add(summary(report.totals()));
        content.add(section("analytics.section.days", chartsOf(
                        chart("chart-cost-per-day", TimeSeriesChart.svg(getTranslation("analytics.chart.cost-per-day"),
                                getTranslation("analytics.axis.cost"), report.days(),
                                List.of(new TimeSeriesChart.Series(getTranslation("analytics.series.cost"),
                                        map(report.byDay(), Measures::cost))), this::usd, getLocale())),
                        chart("chart-latency", TimeSeriesChart.svg(getTranslation("analytics.chart.latency"),
                                getTranslation("analytics.axis.ms"), report.days(), List.of(
                                        new TimeSeriesChart.Series("p50", map(report.byDay(), PeriodReport::p50)),
                                        new TimeSeriesChart.Series("p95", map(report.byDay(), Measures::p95LatencyMs))),
                                this::millis, getLocale())),
                        chart("chart-error-rate", TimeSeriesChart.svg(getTranslation("analytics.chart.error-rate"),
                                getTranslation("analytics.axis.percent"), report.days(),
                                List.of(new TimeSeriesChart.Series(getTranslation("analytics.series.error-rate"),
                                        map(report.byDay(), AnalyticsView::errorPercent))),
                                value -> Formats.percent(((BigDecimal) value).movePointLeft(2), getLocale()),
                                getLocale()))),
                MeasuresTable.of(this, "analytics-days", getTranslation("analytics.column.day"), byDayText(report))));
        content.add(breakdown("prompt", report.byPrompt()));
        content.add(breakdown("model", report.byModel()));
        content.add(section("analytics.section.billing", chartsOf(
                        chart("chart-runs-by-billing", PieChart.svg(getTranslation("analytics.chart.runs-by-billing"),
                                map(report.byBilling(), Measures::runs), this::count, this::share)),
                        chart("chart-cost-by-billing", PieChart.svg(getTranslation("analytics.chart.cost-by-billing"),
                                map(report.byBilling(), Measures::cost), this::usd, this::share))),
                MeasuresTable.of(this, "analytics-billing", getTranslation("analytics.column.billing"),
                        report.byBilling())));
    }

    /** Runs and cost by prompt or by model ({@code name}), as bars and as a table. */
    private Component breakdown(String name, Map<String, Measures> groups) {
        return section("analytics.section." + name + "s", chartsOf(
                        chart("chart-runs-by-" + name, bars("analytics.chart.runs-by-" + name, "analytics.axis.runs",
                                map(groups, Measures::runs), this::count)),
                        chart("chart-cost-by-" + name, bars("analytics.chart.cost-by-" + name, "analytics.axis.cost",
                                map(groups, Measures::cost), this::usd))),
                MeasuresTable.of(this, "analytics-" + name + "s", getTranslation("analytics.column." + name), groups));
    }

    private Component summary(Measures totals) {
        FlexLayout cards = new FlexLayout(
                card("analytics-total-runs", "analytics.total.runs", Formats.count(totals.runs(), getLocale())),
                card("analytics-total-cost", "analytics.total.cost", Formats.usd(totals.cost(), getLocale())),
                card("analytics-error-rate", "analytics.total.error-rate",
                        Formats.percent(totals.errors(), totals.runs(), getLocale())),
                card("analytics-p50", "analytics.total.p50", MeasuresTable.millis(this, PeriodReport.p50(totals))),
                card("analytics-p95", "analytics.total.p95", MeasuresTable.millis(this, totals.p95LatencyMs())),
                card("analytics-total-tokens", "analytics.total.tokens",
                        Formats.count(totals.promptTokens() + totals.completionTokens(), getLocale())));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.addClassNames(LumoUtility.Gap.MEDIUM);
        if (totals.unknownCostRuns() > 0) {
            Paragraph unknown = new Paragraph(getTranslation("analytics.unknown-cost", totals.unknownCostRuns()));
            unknown.setId("analytics-unknown-cost");
            unknown.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            return new VerticalLayout(cards, unknown);
        }
        return cards;
    }

    private Div card(String id, String label, String value) {
        Span number = new Span(value);
        number.setId(id);
        number.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        Span caption = new Span(getTranslation(label));
        caption.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div card = new Div(caption, new Div(number));
        card.addClassNames(LumoUtility.Padding.MEDIUM, LumoUtility.BorderRadius.MEDIUM, LumoUtility.Background.CONTRAST_5);
        card.setMinWidth("9em");
        return card;
    }

    private Component section(String title, Component charts, Component table) {
        H3 heading = new H3(getTranslation(title));
        FlexLayout body = new FlexLayout(charts, table);
        body.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        body.addClassNames(LumoUtility.Gap.LARGE);
        body.setWidthFull();
        body.setFlexBasis("28em", charts, table);
        body.setFlexGrow(1, charts, table);
        VerticalLayout section = new VerticalLayout(heading, body);
        section.setPadding(false);
        return section;
    }

    private static Component chartsOf(Component... charts) {
        VerticalLayout column = new VerticalLayout(charts);
        column.setPadding(false);
        return column;
    }

    private static Svg chart(String id, String svg) {
        Svg chart = new Svg(svg);
        chart.setId(id);
        chart.getElement().getStyle().set("width", "100%");
        return chart;
    }

    private String bars(String title, String axis, Map<String, ? extends Number> values,
                        Function<Number, String> format) {
        return BarChart.svg(getTranslation(title), getTranslation(axis), values, getTranslation("analytics.other"),
                format);
    }

    private Map<String, Measures> byDayText(PeriodReport report) {
        Map<String, Measures> rows = new LinkedHashMap<>();
        report.byDay().forEach((day, measures) -> rows.put(day.toString(), measures));
        return rows;
    }

    private static <K, V> Map<K, V> map(Map<K, Measures> groups, Function<Measures, V> measure) {
        Map<K, V> values = new LinkedHashMap<>();
        groups.forEach((key, measures) -> {
            V value = measure.apply(measures);
            if (value != null) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** Errors in per cent of the day's runs, exactly, with one decimal. */
    private static BigDecimal errorPercent(Measures measures) {
        return measures.runs() == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(measures.errors() * 100)
                .divide(BigDecimal.valueOf(measures.runs()), 1, java.math.RoundingMode.HALF_UP);
    }

    private String usd(Number value) {
        return Formats.usd(new BigDecimal(value.toString()), getLocale());
    }

    private String count(Number value) {
        return Formats.count(value.longValue(), getLocale());
    }

    private String millis(Number value) {
        return MeasuresTable.millis(this, value.longValue());
    }

    private String share(BigDecimal ratio) {
        return Formats.percent(ratio, getLocale());
    }
}
