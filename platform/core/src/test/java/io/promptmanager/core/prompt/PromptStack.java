package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbClient;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.db.Transactions;

import java.time.Clock;

/** The prompt services of one node, wired as production wiring does. */
final class PromptStack {
    final DbClient db;
    final VersionRepository versionRepository = new VersionRepository();
    final ProductionCache cache;
    final CategoryService categories;
    final PromptService prompts;
    final VersionService versions;

    PromptStack(DbClient db, Clock clock) {
        this.db = db;
        Transactions transactions = new Transactions(db);
        AuditLog audit = new AuditLog(new AuditRepository(), transactions, clock);
        PromptRepository promptRepository = new PromptRepository();
        CategoryRepository categoryRepository = new CategoryRepository();
        this.cache = new ProductionCache(versionRepository, transactions);
        this.categories = new CategoryService(categoryRepository, transactions, audit, clock);
        this.prompts = new PromptService(promptRepository, categoryRepository, transactions, audit, cache, clock);
        this.versions = new VersionService(promptRepository, versionRepository, transactions, audit, cache, clock);
    }

    PromptStack(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** Runs a {@code SELECT count(*) AS n ...}. */
    long count(String sql, Object... parameters) {
        return db.execute().get(sql, parameters).orElseThrow().column("n").get(Long.class);
    }
}
