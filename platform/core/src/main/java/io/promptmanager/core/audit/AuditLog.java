package io.promptmanager.core.audit;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.common.Json;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.util.UUID;

/**
 * Records every change to prompts, versions, categories, API keys, plans and roles, in the same
 * transaction as the change, and lets owners and administrators read it. States are stored as
 * JSON of the domain records, which never hold secrets.
 */
public final class AuditLog {
    private final AuditRepository repository;
    private final Transactions transactions;
    private final Clock clock;

    public AuditLog(AuditRepository repository, Transactions transactions, Clock clock) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records one change inside the caller's transaction.
     *
     * @param actor   who acted; null for the platform itself (e.g. first-start provisioning)
     * @param ownerId whose object changed (may read this entry)
     * @param before  the object before, null on create
     * @param after   the object after, null on delete
     */
    public void record(DbExecute exec, Actor actor, UUID ownerId, String action, String objectType,
                       Object objectId, Object before, Object after) {
        repository.insert(exec, new AuditEntry(UUID.randomUUID(), ownerId,
                actor == null ? null : actor.userId(), actor == null ? null : actor.apiKeyId(),
                action, objectType, String.valueOf(objectId), Json.write(before), Json.write(after),
                clock.instant()));
    }

    /** The actor's own entries, newest first. */
    public Page<AuditEntry> own(Actor actor, PageRequest page) {
        return page(actor.userId(), page);
    }

    /** Every entry (administrators only), newest first. */
    public Page<AuditEntry> all(Actor actor, PageRequest page) {
        actor.requireAdmin();
        return page(null, page);
    }

    /** The entries matching {@code filter} (administrators only), newest first. */
    public Page<AuditEntry> search(Actor actor, AuditFilter filter, PageRequest page) {
        actor.requireAdmin();
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor());
        var rows = repository.search(transactions.read(), filter, after, page.limit() + 1);
        return Cursor.page(rows, page.limit(), e -> new Cursor(e.at(), e.id()));
    }

    private Page<AuditEntry> page(UUID ownerId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor());
        var rows = repository.page(transactions.read(), ownerId, after, page.limit() + 1);
        return Cursor.page(rows, page.limit(), e -> new Cursor(e.at(), e.id()));
    }
}
