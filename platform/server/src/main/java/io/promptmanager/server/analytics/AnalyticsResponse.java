package io.promptmanager.server.analytics;

import io.promptmanager.core.analytics.AnalyticsGroup;
import io.promptmanager.core.analytics.AnalyticsReport;
import io.promptmanager.core.analytics.GroupBy;

import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/v1/analytics}: the range, the grouping, one entry per group and the totals. */
public record AnalyticsResponse(LocalDate from, LocalDate to, String groupBy, List<GroupDto> groups,
                                MeasuresDto totals) {

    /** One group; only the fields of the grouping are set, the others are null. */
    public record GroupDto(LocalDate day, String prompt, Integer version, String model, String billingType,
                           MeasuresDto measures) {
        static GroupDto from(AnalyticsGroup g) {
            return new GroupDto(g.day(), g.prompt(), g.version(), g.model(),
                    g.billingType() == null ? null : g.billingType().name(), MeasuresDto.from(g.measures()));
        }
    }

    static AnalyticsResponse from(AnalyticsReport report) {
        return new AnalyticsResponse(report.query().from(), report.query().to(), wireName(report.query().groupBy()),
                report.groups().stream().map(GroupDto::from).toList(), MeasuresDto.from(report.totals()));
    }

    static String wireName(GroupBy groupBy) {
        return switch (groupBy) {
            case DAY -> "day";
            case PROMPT -> "prompt";
            case VERSION -> "version";
            case MODEL -> "model";
            case BILLING_TYPE -> "billingType";
        };
    }
}
