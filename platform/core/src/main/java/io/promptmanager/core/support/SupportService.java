package io.promptmanager.core.support;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.Validator;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Entitlements;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Support requests. A user opens one with a first message and follows its thread; only its owner
 * sees it (anyone else gets NOT_FOUND). Requests of users whose plan includes priority support
 * are marked priority and promised an answer sooner (see {@link Entitlements#supportResponseBusinessDays()}).
 * Administrators are the support team: they work a queue (priority first, then the longest
 * waiting), answer and close. Every change is audited with the request's state (never the
 * messages, which stay in the thread).
 */
public final class SupportService {
    static final int MAX_SUBJECT = 200;
    static final int MAX_MESSAGE = 10_000;
    /** The most requests a user's own list shows (newest first). */
    public static final int MAX_OWN_REQUESTS = 500;
    /** The most requests one page of the team's queue holds. */
    public static final int MAX_QUEUE_PAGE = 500;

    private final Transactions transactions;
    private final SupportRepository requests;
    private final AuditLog audit;
    private final PlanCatalog plans;
    private final Clock clock;

    public SupportService(Transactions transactions, SupportRepository requests, AuditLog audit, PlanCatalog plans,
                          Clock clock) {
        this.transactions = transactions;
        this.requests = requests;
        this.audit = audit;
        this.plans = plans;
        this.clock = clock;
    }

    /** Opens a request with its first message; VALIDATION_FAILED on {@code subject} or {@code message}. */
    public SupportThread open(Actor actor, NewSupportRequest request) {
        String subject = stripped(request.subject());
        String message = stripped(request.message());
        new Validator()
                .check(!subject.isEmpty(), "subject", "subject is required")
                .check(length(subject) <= MAX_SUBJECT, "subject", "subject must be at most " + MAX_SUBJECT + " characters")
                .check(!message.isEmpty(), "message", "message is required")
                .check(length(message) <= MAX_MESSAGE, "message", "message must be at most " + MAX_MESSAGE + " characters")
                .throwIfInvalid();
        Instant now = now();
        Entitlements plan = plans.entitlements(actor.plan());
        SupportRequest opened = new SupportRequest(UUID.randomUUID(), actor.userId(), null, null, subject,
                SupportStatus.OPEN, plan.prioritySupport(), now,
                ResponsePromise.dueBy(now, plan.supportResponseBusinessDays()), now, now);
        UUID id = transactions.inTransaction(exec -> {
            requests.insert(exec, opened);
            requests.insertMessage(exec, opened.id(), new SupportMessage(UUID.randomUUID(), actor.userId(), null,
                    false, message, now));
            audit.record(exec, actor, actor.userId(), "support.open", "support_request", opened.id(), null, opened);
            return opened.id();
        });
        return get(actor, id);
    }

    /** The actor's own requests, newest first (at most {@link #MAX_OWN_REQUESTS}). */
    public List<SupportRequest> mine(Actor actor) {
        return requests.ofUser(transactions.read(), actor.userId(), MAX_OWN_REQUESTS);
    }

    /** One of the actor's own requests with its thread; NOT_FOUND for anyone else's. */
    public SupportThread get(Actor actor, UUID id) {
        DbExecute exec = transactions.read();
        SupportRequest request = requests.find(exec, id).filter(found -> found.userId().equals(actor.userId()))
                .orElseThrow(SupportService::notFound);
        return new SupportThread(request, requests.messages(exec, id));
    }

    /**
     * Adds the owner's message. An ANSWERED request waits for the team again, with the promise of
     * the owner's current plan; an OPEN one keeps its place in the queue. CONFLICT when CLOSED.
     */
    public SupportThread reply(Actor actor, UUID id, String message) {
        String body = validMessage(message);
        transactions.run(exec -> {
            SupportRequest before = owned(exec, actor, id);
            requireNotClosed(before);
            Instant now = now();
            requests.insertMessage(exec, id, new SupportMessage(UUID.randomUUID(), actor.userId(), null, false, body, now));
            SupportRequest after;
            if (before.status() == SupportStatus.OPEN) {
                after = before.withState(SupportStatus.OPEN, before.priority(), before.waitingSince(),
                        before.respondBy(), now);
            } else {
                Entitlements plan = plans.entitlements(actor.plan());
                after = before.withState(SupportStatus.OPEN, plan.prioritySupport(), now,
                        ResponsePromise.dueBy(now, plan.supportResponseBusinessDays()), now);
            }
            change(exec, actor, "support.reply", before, after);
        });
        return get(actor, id);
    }

    /** The owner closes their request (nothing more to do); closing twice is fine. */
    public SupportThread close(Actor actor, UUID id) {
        transactions.run(exec -> close(exec, actor, owned(exec, actor, id)));
        return get(actor, id);
    }

    /** Administrators: requests of one status (every status when null), priority first, then the longest waiting. */
    public List<SupportRequest> queue(Actor admin, SupportStatus status, int offset, int limit) {
        admin.requireAdmin();
        if (offset < 0 || limit < 1 || limit > MAX_QUEUE_PAGE) {
            throw DomainException.invalid("limit", "offset must be >= 0 and limit between 1 and " + MAX_QUEUE_PAGE);
        }
        return requests.queue(transactions.read(), status, offset, limit);
    }

    /** Administrators: how many requests {@link #queue} holds for that status. */
    public long queueSize(Actor admin, SupportStatus status) {
        admin.requireAdmin();
        return requests.countQueue(transactions.read(), status);
    }

    /** Administrators: any request with its thread; NOT_FOUND when absent. */
    public SupportThread staffThread(Actor admin, UUID id) {
        admin.requireAdmin();
        DbExecute exec = transactions.read();
        SupportRequest request = requests.find(exec, id).orElseThrow(SupportService::notFound);
        return new SupportThread(request, requests.messages(exec, id));
    }

    /** Administrators: answers a request, which then waits for its owner (ANSWERED). CONFLICT when CLOSED. */
    public SupportThread staffReply(Actor admin, UUID id, String message) {
        admin.requireAdmin();
        String body = validMessage(message);
        transactions.run(exec -> {
            SupportRequest before = requests.lock(exec, id).orElseThrow(SupportService::notFound);
            requireNotClosed(before);
            Instant now = now();
            requests.insertMessage(exec, id, new SupportMessage(UUID.randomUUID(), admin.userId(), null, true, body, now));
            change(exec, admin, "support.answer", before,
                    before.withState(SupportStatus.ANSWERED, before.priority(), null, null, now));
        });
        return staffThread(admin, id);
    }

    /** Administrators: closes any request; closing twice is fine. */
    public SupportThread staffClose(Actor admin, UUID id) {
        admin.requireAdmin();
        transactions.run(exec -> close(exec, admin, requests.lock(exec, id).orElseThrow(SupportService::notFound)));
        return staffThread(admin, id);
    }

    private void close(DbExecute exec, Actor actor, SupportRequest before) {
        if (before.status() != SupportStatus.CLOSED) {
            change(exec, actor, "support.close", before,
                    before.withState(SupportStatus.CLOSED, before.priority(), null, null, now()));
        }
    }

    private SupportRequest owned(DbExecute exec, Actor actor, UUID id) {
        return requests.lock(exec, id).filter(found -> found.userId().equals(actor.userId()))
                .orElseThrow(SupportService::notFound);
    }

    private void change(DbExecute exec, Actor actor, String action, SupportRequest before, SupportRequest after) {
        requests.updateState(exec, after);
        audit.record(exec, actor, before.userId(), action, "support_request", before.id(), before, after);
    }

    private static void requireNotClosed(SupportRequest request) {
        if (request.status() == SupportStatus.CLOSED) {
            throw DomainException.conflict("This support request is closed; open a new one");
        }
    }

    private static String validMessage(String message) {
        String body = stripped(message);
        new Validator()
                .check(!body.isEmpty(), "message", "message is required")
                .check(length(body) <= MAX_MESSAGE, "message", "message must be at most " + MAX_MESSAGE + " characters")
                .throwIfInvalid();
        return body;
    }

    private static String stripped(String text) {
        return text == null ? "" : text.strip();
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException notFound() {
        return DomainException.notFound("Support request");
    }
}
