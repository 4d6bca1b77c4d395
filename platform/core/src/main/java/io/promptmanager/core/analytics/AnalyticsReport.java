package io.promptmanager.core.analytics;

import java.util.List;

/** The groups of a report, in key order, and the totals over all of them. */
public record AnalyticsReport(AnalyticsQuery query, List<AnalyticsGroup> groups, Measures totals) {
    public AnalyticsReport {
        groups = List.copyOf(groups);
    }
}
