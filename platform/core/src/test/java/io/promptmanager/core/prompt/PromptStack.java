package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbClient;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.audit.AuditRepository;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.model.ProviderRegistry;
import io.promptmanager.core.testing.StaticModelProvider;

import java.time.Clock;
import java.util.List;

/**
 * The prompt services of one node, wired as production wiring does, over a catalogue where
 * {@code alpha} offers {@code openai/gpt-4o-mini} and {@code shared/model}, and {@code beta} offers
 * {@code shared/model} too.
 */
final class PromptStack {
    static final ModelCatalog CATALOG = new ProviderRegistry(List.of(
            new StaticModelProvider("alpha", List.of(StaticModelProvider.premium("openai/gpt-4o-mini", "0.00000015",
                    "0.0000006"), StaticModelProvider.free("shared/model"))),
            new StaticModelProvider("beta", List.of(StaticModelProvider.free("shared/model")))));

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
        this.versions = new VersionService(promptRepository, versionRepository, transactions, audit, cache, CATALOG,
                clock);
    }

    PromptStack(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** Runs a {@code SELECT count(*) AS n ...}. */
    long count(String sql, Object... parameters) {
        return db.execute().get(sql, parameters).orElseThrow().column("n").get(Long.class);
    }
}
