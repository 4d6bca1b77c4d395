package io.promptmanager.core.analytics;

import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/** Read-only figures over every account, for administrators (the console's platform overview). */
public final class PlatformUsageService {
    private final Transactions transactions;
    private final PlatformUsageRepository repository;
    private final UnfoldedRuns unfolded;
    private final RollupWatermark watermark;
    private final Clock clock;

    public PlatformUsageService(Transactions transactions, PlatformUsageRepository repository, UnfoldedRuns unfolded,
                                RollupWatermark watermark, Clock clock) {
        this.transactions = transactions;
        this.repository = repository;
        this.unfolded = unfolded;
        this.watermark = watermark;
        this.clock = clock;
    }

    /** The last {@code days} UTC days up to today; administrators only. */
    public PlatformUsage lastDays(Actor admin, int days) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return usage(admin, new AnalyticsQuery(today.minusDays(days - 1L), today, GroupBy.DAY));
    }

    /** Runs and cost by billing type for every day of the query's range; administrators only. */
    public PlatformUsage usage(Actor admin, AnalyticsQuery range) {
        admin.requireAdmin();
        Map<LocalDate, PlatformDay> byDay = new TreeMap<>();
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            byDay.put(day, PlatformDay.none(day));
        }
        return transactions.inSnapshot(exec -> {
            repository.days(exec, range.from(), range.to())
                    .forEach(day -> byDay.merge(day.day(), day, PlatformDay::plus));
            unfolded.in(exec, watermark.unfolded(exec), range.from(), range.to())
                    .forEach(entry -> byDay.merge(entry.day(), PlatformDay.of(entry), PlatformDay::plus));
            return new PlatformUsage(range.from(), range.to(), new ArrayList<>(byDay.values()),
                    repository.proAccounts(exec), repository.proSubscriptions(exec));
        });
    }
}
