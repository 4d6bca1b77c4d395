package io.promptmanager.ui.analytics;

import io.promptmanager.core.analytics.AnalyticsGroup;
import io.promptmanager.core.analytics.AnalyticsReport;
import io.promptmanager.core.analytics.AnalyticsService;
import io.promptmanager.core.analytics.GroupBy;
import io.promptmanager.core.analytics.LatencyHistogram;
import io.promptmanager.core.analytics.Measures;
import io.promptmanager.core.user.Actor;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The analytics of the last {@code days} UTC days up to {@code today}, in the shapes the page
 * draws: one entry per day (days without runs absent), and per prompt, model and billing type
 * with the busiest first.
 */
record PeriodReport(List<LocalDate> days, Map<LocalDate, Measures> byDay, Map<String, Measures> byPrompt,
                    Map<String, Measures> byModel, Map<String, Measures> byBilling, Measures totals) {

    static PeriodReport load(AnalyticsService analytics, Actor actor, LocalDate today, int days) {
        LocalDate first = today.minusDays(days - 1L);
        AnalyticsReport daily = analytics.report(actor, first, today, GroupBy.DAY);
        Map<LocalDate, Measures> byDay = new LinkedHashMap<>();
        daily.groups().forEach(group -> byDay.put(group.day(), group.measures()));
        return new PeriodReport(Stream.iterate(first, day -> day.plusDays(1)).limit(days).toList(), byDay,
                busiestFirst(analytics.report(actor, first, today, GroupBy.PROMPT), AnalyticsGroup::prompt),
                busiestFirst(analytics.report(actor, first, today, GroupBy.MODEL), AnalyticsGroup::model),
                busiestFirst(analytics.report(actor, first, today, GroupBy.BILLING_TYPE),
                        group -> group.billingType().name()),
                daily.totals());
    }

    /** The median latency in ms from the histogram, or null without runs. */
    static Long p50(Measures measures) {
        return LatencyHistogram.percentile(measures.latencyHistogram(), 0.5);
    }

    private static Map<String, Measures> busiestFirst(AnalyticsReport report, Function<AnalyticsGroup, String> key) {
        Map<String, Measures> groups = new LinkedHashMap<>();
        report.groups().stream()
                .sorted(Comparator.comparingLong((AnalyticsGroup group) -> group.measures().runs()).reversed())
                .forEach(group -> groups.put(key.apply(group), group.measures()));
        return groups;
    }
}
