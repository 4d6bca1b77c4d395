package io.promptmanager.core.analytics;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.BillingType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * SQL for the platform-wide figures: the DAY rollups of every account (the runs not folded yet are
 * read by {@link UnfoldedRuns}), and the PRO accounts.
 */
public final class PlatformUsageRepository {
    private static final String DAYS = """
            SELECT day, billing_type, sum(runs)::bigint AS runs, sum(cost) AS cost
            FROM execution_rollups
            WHERE level = 'DAY' AND day BETWEEN ? AND ?
            GROUP BY day, billing_type
            """;
    private static final String PRO_ACCOUNTS = """
            SELECT count(*) AS accounts FROM users WHERE plan = 'PRO' AND NOT disabled
            """;

    // grants_pro is kept by billing: true while the subscription is what makes its user PRO
    private static final String PRO_SUBSCRIPTIONS = """
            SELECT count(*) AS subscriptions FROM billing_subscriptions WHERE grants_pro
            """;

    /** One figure per day with runs and billing type, in no particular order. */
    List<PlatformDay> days(DbExecute exec, LocalDate from, LocalDate to) {
        return exec.query(DAYS, from, to).map(PlatformUsageRepository::day).toList();
    }

    long proAccounts(DbExecute exec) {
        return exec.get(PRO_ACCOUNTS).orElseThrow().column("accounts").get(Long.class);
    }

    long proSubscriptions(DbExecute exec) {
        return exec.get(PRO_SUBSCRIPTIONS).orElseThrow().column("subscriptions").get(Long.class);
    }

    private static PlatformDay day(DbRow row) {
        return PlatformDay.of(row.column("day").get(LocalDate.class),
                BillingType.valueOf(row.column("billing_type").get(String.class)),
                row.column("runs").get(Long.class),
                row.column("cost").get(BigDecimal.class));
    }
}
