package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.plugin.billing.BillingInterval;
import io.promptmanager.plugin.billing.SubscriptionStatus;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for billing customers and subscriptions. */
public final class SubscriptionRepository {
    private static final String CUSTOMER = "SELECT customer_id FROM billing_customers WHERE user_id = ?::uuid";
    private static final String USER_OF_CUSTOMER = """
            SELECT user_id FROM billing_customers WHERE provider = ? AND customer_id = ?
            """;
    // a user keeps the first customer linked to them; a customer belongs to one user
    private static final String LINK_CUSTOMER = """
            INSERT INTO billing_customers (user_id, provider, customer_id, created_at)
            VALUES (?::uuid, ?, ?, ?) ON CONFLICT DO NOTHING
            """;
    private static final String COLUMNS = """
            SELECT id, provider, user_id, customer_id, status, billing_interval, current_period_start,
                   current_period_end, cancel_at_period_end, cancel_at, canceled_at, past_due_since, pro_since,
                   grants_pro, last_event_created, created_at, updated_at
            FROM billing_subscriptions
            """;
    private static final String LOCK = COLUMNS + " WHERE id = ? FOR UPDATE";
    private static final String OF_USER = COLUMNS + " WHERE user_id = ?::uuid ORDER BY created_at DESC, id DESC";
    private static final String INSERT = """
            INSERT INTO billing_subscriptions (id, provider, user_id, customer_id, status, billing_interval,
                current_period_start, current_period_end, cancel_at_period_end, cancel_at, canceled_at, past_due_since,
                pro_since, grants_pro, last_event_created, created_at, updated_at)
            VALUES (?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO NOTHING
            """;
    private static final String UPDATE = """
            UPDATE billing_subscriptions SET customer_id = ?, status = ?, billing_interval = ?, current_period_start = ?,
                current_period_end = ?, cancel_at_period_end = ?, cancel_at = ?, canceled_at = ?, past_due_since = ?,
                pro_since = ?, grants_pro = ?, last_event_created = ?, updated_at = ?
            WHERE id = ?
            """;
    // Serialises the plan decisions about one user: each sees the other's subscriptions once committed.
    private static final String LOCK_USER = """
            SELECT pg_advisory_xact_lock(hashtextextended('billing-user:' || ?, 0)) IS NULL AS locked
            """;
    private static final String GRACE_EXPIRED = """
            SELECT id FROM billing_subscriptions
            WHERE status = 'PAST_DUE' AND grants_pro AND past_due_since <= ? ORDER BY past_due_since, id
            """;

    Optional<String> customerOf(DbExecute exec, UUID userId) {
        return exec.get(CUSTOMER, userId).map(row -> row.column("customer_id").get(String.class));
    }

    Optional<UUID> userOfCustomer(DbExecute exec, String provider, String customerId) {
        return exec.get(USER_OF_CUSTOMER, provider, customerId).map(row -> row.column("user_id").get(UUID.class));
    }

    /** Links the customer to the user unless either is linked already; true when it linked them. */
    boolean linkCustomer(DbExecute exec, UUID userId, String provider, String customerId, Instant now) {
        return exec.insert(LINK_CUSTOMER, userId, provider, customerId, Timestamp.from(now)) == 1;
    }

    /** Waits until no other transaction decides about this user's plan, until this one ends. */
    void lockUser(DbExecute exec, UUID userId) {
        exec.get(LOCK_USER, userId.toString());
    }

    /** The subscription, locked until the transaction ends. */
    Optional<StoredSubscription> lock(DbExecute exec, String id) {
        return exec.get(LOCK, id).map(SubscriptionRepository::map);
    }

    /** The user's subscriptions, newest first. */
    List<StoredSubscription> ofUser(DbExecute exec, UUID userId) {
        return exec.query(OF_USER, userId).map(SubscriptionRepository::map).toList();
    }

    /** Inserts it; false (nothing written) when a row with its id exists, maybe just committed by another node. */
    boolean insert(DbExecute exec, StoredSubscription s) {
        return exec.insert(INSERT, s.id(), s.provider(), s.userId(), s.customerId(), s.status().name(),
                s.interval().name(), ts(s.currentPeriodStart()), ts(s.currentPeriodEnd()), s.cancelAtPeriodEnd(),
                ts(s.cancelAt()), ts(s.canceledAt()), ts(s.pastDueSince()), ts(s.proSince()), s.grantsPro(),
                ts(s.lastEventCreated()), ts(s.createdAt()), ts(s.updatedAt())) == 1;
    }

    void update(DbExecute exec, StoredSubscription s) {
        exec.update(UPDATE, s.customerId(), s.status().name(), s.interval().name(), ts(s.currentPeriodStart()),
                ts(s.currentPeriodEnd()), s.cancelAtPeriodEnd(), ts(s.cancelAt()), ts(s.canceledAt()),
                ts(s.pastDueSince()), ts(s.proSince()), s.grantsPro(), ts(s.lastEventCreated()), ts(s.updatedAt()),
                s.id());
    }

    /** Ids of PAST_DUE subscriptions still marked as paying for PRO although past due since {@code before}. */
    List<String> graceExpired(DbExecute exec, Instant before) {
        return exec.query(GRACE_EXPIRED, Timestamp.from(before)).map(row -> row.column("id").get(String.class))
                .toList();
    }

    private static StoredSubscription map(DbRow row) {
        return new StoredSubscription(
                row.column("id").get(String.class),
                row.column("provider").get(String.class),
                row.column("user_id").get(UUID.class),
                row.column("customer_id").get(String.class),
                SubscriptionStatus.valueOf(row.column("status").get(String.class)),
                BillingInterval.valueOf(row.column("billing_interval").get(String.class)),
                instant(row, "current_period_start"),
                instant(row, "current_period_end"),
                row.column("cancel_at_period_end").get(Boolean.class),
                instant(row, "cancel_at"),
                instant(row, "canceled_at"),
                instant(row, "past_due_since"),
                instant(row, "pro_since"),
                row.column("grants_pro").get(Boolean.class),
                instant(row, "last_event_created"),
                instant(row, "created_at"),
                instant(row, "updated_at"));
    }

    static Instant instant(DbRow row, String column) {
        Timestamp value = row.column(column).get(Timestamp.class);
        return value == null ? null : value.toInstant();
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
