package io.promptmanager.core.execution;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.util.List;
import java.util.UUID;

/**
 * The actor's recorded runs: newest-first pages, one run, and a capped export. Reading them
 * needs analytics:read: they hold the variables and outputs of every run.
 */
public final class ExecutionHistoryService {
    /** The most rows one export holds. */
    public static final int EXPORT_LIMIT = 10_000;

    private final Transactions transactions;
    private final ExecutionRepository executions;

    public ExecutionHistoryService(Transactions transactions, ExecutionRepository executions) {
        this.transactions = transactions;
        this.executions = executions;
    }

    /** A page of runs, newest first, without their variables and output. */
    public Page<Execution> list(Actor actor, ExecutionFilter filter, PageRequest page) {
        actor.requireScope(Scope.ANALYTICS_READ);
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor());
        List<Execution> rows = executions.page(transactions.read(), actor.userId(), filter, after, page.limit() + 1);
        return Cursor.page(rows, page.limit(), e -> new Cursor(e.createdAt(), e.id()));
    }

    /** One run with its (possibly truncated) variables and output; NOT_FOUND for another user's. */
    public Execution get(Actor actor, UUID id) {
        actor.requireScope(Scope.ANALYTICS_READ);
        return executions.find(transactions.read(), actor.userId(), id)
                .orElseThrow(() -> DomainException.notFound("Execution"));
    }

    /** At most {@link #EXPORT_LIMIT} runs, newest first; {@code truncated} when more matched. */
    public ExecutionExport export(Actor actor, ExecutionFilter filter) {
        actor.requireScope(Scope.ANALYTICS_READ);
        List<Execution> rows = executions.page(transactions.read(), actor.userId(), filter, null, EXPORT_LIMIT + 1);
        boolean truncated = rows.size() > EXPORT_LIMIT;
        return new ExecutionExport(truncated ? rows.subList(0, EXPORT_LIMIT) : rows, truncated);
    }

    /** The rows of an export. */
    public record ExecutionExport(List<Execution> rows, boolean truncated) {
        public ExecutionExport {
            rows = List.copyOf(rows);
        }

        /** The rows as CSV (see {@link ExecutionCsv}). */
        public String toCsv() {
            return ExecutionCsv.write(rows);
        }
    }
}
