package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;
import io.promptmanager.core.common.Money;
import io.promptmanager.plugin.billing.InvoiceSnapshot;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.promptmanager.core.billing.SubscriptionRepository.instant;
import static io.promptmanager.core.billing.SubscriptionRepository.ts;

/** SQL for invoices and refunds. */
public final class InvoiceRepository {
    // Order-safe: an event older than the one that wrote the row changes nothing, and a paid
    // invoice stays paid whatever arrives at the same second.
    private static final String UPSERT = """
            INSERT INTO billing_invoices (id, provider, user_id, subscription_id, number, status, amount_paid, amount_due,
                currency, period_start, period_end, created, hosted_url, last_event_created, updated_at)
            VALUES (?, ?, ?::uuid, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (id) DO UPDATE SET number = excluded.number, status = excluded.status,
                amount_paid = excluded.amount_paid, amount_due = excluded.amount_due, currency = excluded.currency,
                period_start = excluded.period_start, period_end = excluded.period_end, hosted_url = excluded.hosted_url,
                subscription_id = excluded.subscription_id, last_event_created = excluded.last_event_created,
                updated_at = excluded.updated_at
            WHERE billing_invoices.last_event_created <= excluded.last_event_created
              AND NOT (billing_invoices.status = 'paid' AND excluded.status <> 'paid')
            """;
    private static final String COLUMNS = """
            SELECT id, number, status, amount_paid, amount_due, currency, period_start, period_end, created, hosted_url
            FROM billing_invoices
            """;
    private static final String OF_USER = COLUMNS + " WHERE user_id = ?::uuid ORDER BY created DESC, id DESC LIMIT ?";
    private static final String LAST_PAID = COLUMNS + """
             WHERE subscription_id = ? AND status = 'paid' AND amount_paid > 0
             ORDER BY period_end DESC, created DESC, id DESC LIMIT 1
            """;
    private static final String INSERT_REFUND = """
            INSERT INTO billing_refunds (id, provider, user_id, subscription_id, invoice_id, amount, currency, created)
            VALUES (?, ?, ?::uuid, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING
            """;
    private static final String REFUNDS_OF_USER = """
            SELECT r.amount, r.currency, r.created, i.number
            FROM billing_refunds r LEFT JOIN billing_invoices i ON i.id = r.invoice_id
            WHERE r.user_id = ?::uuid ORDER BY r.created DESC, r.id DESC LIMIT ?
            """;
    private static final String REFUNDED = """
            SELECT COALESCE(SUM(amount), 0)::bigint AS refunded FROM billing_refunds WHERE invoice_id = ?
            """;

    /** An invoice row with the processor id it is known by. */
    record StoredInvoice(String id, Invoice invoice) {
    }

    /** Inserts or updates the invoice unless a newer event wrote it; true when written. */
    boolean upsert(DbExecute exec, String provider, UUID userId, InvoiceSnapshot i, Instant eventCreated, Instant now) {
        return exec.insert(UPSERT, i.id(), provider, userId, i.subscriptionId(), i.number(), i.status(), i.amountPaid(),
                i.amountDue(), i.currency(), ts(i.periodStart()), ts(i.periodEnd()), ts(i.created()),
                i.hostedUrl() == null ? null : i.hostedUrl().toString(), ts(eventCreated), ts(now)) == 1;
    }

    List<Invoice> ofUser(DbExecute exec, UUID userId, int limit) {
        return exec.query(OF_USER, userId, limit).map(row -> map(row).invoice()).toList();
    }

    /** The latest paid (non-zero) invoice of the subscription: the payment a cancellation refunds from. */
    Optional<StoredInvoice> lastPaid(DbExecute exec, String subscriptionId) {
        return exec.get(LAST_PAID, subscriptionId).map(InvoiceRepository::map);
    }

    /** What was already refunded of an invoice's payment. */
    long refunded(DbExecute exec, String invoiceId) {
        return exec.get(REFUNDED, invoiceId).orElseThrow().column("refunded").get(Long.class);
    }

    void insertRefund(DbExecute exec, String refundId, String provider, UUID userId, String subscriptionId,
                      String invoiceId, Money amount, Instant created) {
        exec.insert(INSERT_REFUND, refundId, provider, userId, subscriptionId, invoiceId, amount.amount(),
                amount.currency(), Timestamp.from(created));
    }

    List<Refund> refundsOf(DbExecute exec, UUID userId, int limit) {
        return exec.query(REFUNDS_OF_USER, userId, limit).map(row -> new Refund(
                Money.of(row.column("amount").get(Long.class), row.column("currency").get(String.class)),
                instant(row, "created"), row.column("number").get(String.class))).toList();
    }

    private static StoredInvoice map(DbRow row) {
        String currency = row.column("currency").get(String.class);
        String hostedUrl = row.column("hosted_url").get(String.class);
        return new StoredInvoice(row.column("id").get(String.class), new Invoice(
                row.column("number").get(String.class),
                row.column("status").get(String.class),
                Money.of(row.column("amount_paid").get(Long.class), currency),
                Money.of(row.column("amount_due").get(Long.class), currency),
                instant(row, "created"),
                instant(row, "period_start"),
                instant(row, "period_end"),
                hostedUrl == null ? null : URI.create(hostedUrl)));
    }
}
