package io.promptmanager.core.analytics;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage reports of one account, read from the rollups (see {@link RollupRepository}): a report by
 * day reads one row per day, any other report one row per month and key plus the days at the
 * edges of the range. To them it adds the runs not folded into the rollups yet (the last second
 * or so, see {@link RollupAggregator}), read in the same snapshot, so a run shows in the reports
 * as soon as it is stored, and exactly once.
 */
public final class AnalyticsService {
    /** The days a report covers when no range is given: today (UTC) and the 29 before. */
    public static final int DEFAULT_DAYS = 30;

    private final Transactions transactions;
    private final RollupRepository rollups;
    private final UnfoldedRuns unfolded;
    private final RollupWatermark watermark;
    private final Clock clock;

    public AnalyticsService(Transactions transactions, RollupRepository rollups, UnfoldedRuns unfolded,
                            RollupWatermark watermark, Clock clock) {
        this.transactions = transactions;
        this.rollups = rollups;
        this.unfolded = unfolded;
        this.watermark = watermark;
        this.clock = clock;
    }

    /**
     * A report where any argument may be null: {@code to} defaults to today (UTC), {@code from}
     * to {@link #DEFAULT_DAYS} days ending at {@code to}, {@code groupBy} to DAY.
     */
    public AnalyticsReport report(Actor actor, LocalDate from, LocalDate to, GroupBy groupBy) {
        actor.requireScope(Scope.ANALYTICS_READ);
        LocalDate last = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        return report(actor, new AnalyticsQuery(first, last, groupBy == null ? GroupBy.DAY : groupBy));
    }

    /** Runs, successes, errors, tokens, cost and latency of the actor's runs, per group; needs analytics:read. */
    public AnalyticsReport report(Actor actor, AnalyticsQuery query) {
        actor.requireScope(Scope.ANALYTICS_READ);
        List<RollupRepository.Row> rows = transactions.inSnapshot(exec -> {
            List<RollupRepository.Row> read = new ArrayList<>(query.groupBy() == GroupBy.DAY
                    ? rollups.dayTotals(exec, actor.userId(), query.from(), query.to())
                    : rollups.byKey(exec, actor.userId(), query.from(), query.to()));
            for (RollupEntry entry : unfolded.in(exec, watermark.unfolded(exec), actor.userId(), query.from(),
                    query.to())) {
                read.add(RollupRepository.Row.of(entry));
            }
            return read;
        });
        Map<Key, Measures> groups = new TreeMap<>(Key.ORDER);
        Measures totals = Measures.NONE;
        for (RollupRepository.Row row : rows) {
            groups.merge(Key.of(row, query.groupBy()), row.measures(), Measures::plus);
            totals = totals.plus(row.measures());
        }
        List<AnalyticsGroup> result = groups.entrySet().stream()
                .map(e -> e.getKey().group(e.getValue()))
                .toList();
        return new AnalyticsReport(query, result, totals);
    }

    private record Key(LocalDate day, String prompt, Integer version, String model, BillingType billingType) {
        static final Comparator<Key> ORDER = Comparator
                .comparing(Key::day, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::prompt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::version, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::model, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Key::billingType, Comparator.nullsFirst(Comparator.naturalOrder()));

        static Key of(RollupRepository.Row row, GroupBy groupBy) {
            return new Key(groupBy == GroupBy.DAY ? row.day() : null,
                    groupBy == GroupBy.PROMPT || groupBy == GroupBy.VERSION ? row.promptName() : null,
                    groupBy == GroupBy.VERSION ? row.version() : null,
                    groupBy == GroupBy.MODEL ? row.model() : null,
                    groupBy == GroupBy.BILLING_TYPE ? row.billingType() : null);
        }

        AnalyticsGroup group(Measures measures) {
            return new AnalyticsGroup(day, prompt, version, model, billingType, measures);
        }
    }
}
