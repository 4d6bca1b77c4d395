package io.promptmanager.core.billing;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.plugin.billing.BillingEvent;

import java.sql.Timestamp;
import java.time.Instant;

/** SQL for the webhook events already applied, the ledger that makes each event count once. */
public final class WebhookEventRepository {
    // A second delivery of an event in flight waits here on the primary key until the first
    // commits (then conflicts) or rolls back (then inserts): an event is applied exactly once.
    private static final String INSERT = """
            INSERT INTO billing_events (event_id, provider, type, processor_type, created, received_at, outcome)
            VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED') ON CONFLICT (event_id) DO NOTHING
            """;
    private static final String OUTCOME = "UPDATE billing_events SET outcome = ? WHERE event_id = ?";

    /** Records the event; false when it was recorded before (a duplicate delivery). */
    boolean record(DbExecute exec, String provider, BillingEvent event, Instant receivedAt) {
        return exec.insert(INSERT, event.id(), provider, event.type().name(), event.processorType(),
                Timestamp.from(event.created()), Timestamp.from(receivedAt)) == 1;
    }

    void outcome(DbExecute exec, String eventId, EventOutcome outcome) {
        exec.update(OUTCOME, outcome.name(), eventId);
    }
}
