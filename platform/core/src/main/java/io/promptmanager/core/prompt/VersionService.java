package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.model.ModelCatalog;
import io.promptmanager.core.model.ProviderChoice;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Versions of a prompt: drafts, promote, archive, rollback, diff, render. Every change locks the
 * prompt row first, so numbering and promotion are serialised per prompt; the partial unique
 * index backs the one-PRODUCTION rule in the database as well.
 */
public final class VersionService {
    private final PromptRepository prompts;
    private final VersionRepository versions;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ProductionCache productionCache;
    private final ProviderChoice providers;
    private final Clock clock;
    private final TemplateEngine templates = new TemplateEngine();
    private final VersionRules rules = new VersionRules(templates);
    private final VariableBinder binder = new VariableBinder();
    private final VersionDiffer differ = new VersionDiffer();

    /** {@code catalog} names the provider of a version that does not name one. */
    public VersionService(PromptRepository prompts, VersionRepository versions, Transactions transactions,
                          AuditLog audit, ProductionCache productionCache, ModelCatalog catalog, Clock clock) {
        this.prompts = prompts;
        this.versions = versions;
        this.transactions = transactions;
        this.audit = audit;
        this.productionCache = productionCache;
        this.providers = new ProviderChoice(catalog);
        this.clock = clock;
    }

    /** Newest first. */
    public List<PromptVersion> list(Actor actor, String promptName) {
        actor.requireScope(Scope.PROMPTS_READ);
        DbExecute exec = transactions.read();
        prompts.find(exec, actor.userId(), promptName).orElseThrow(() -> PromptService.notFound(promptName));
        return versions.list(exec, actor.userId(), promptName);
    }

    public PromptVersion get(Actor actor, String promptName, int number) {
        actor.requireScope(Scope.PROMPTS_READ);
        return find(transactions.read(), actor, promptName, number);
    }

    /**
     * A new DRAFT with the next number. Without a provider, the version gets the one provider
     * offering its model (VALIDATION_FAILED on {@code provider} when several do), or none while no
     * provider offers it; a named provider must be installed.
     */
    public PromptVersion create(Actor actor, String promptName, VersionInput input) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        VersionInput valid = validate(input);
        return transactions.inTransaction(exec -> {
            UUID promptId = lock(exec, actor, promptName);
            return newDraft(exec, actor, promptId, promptName, valid);
        });
    }

    /**
     * Edits a DRAFT in place; editing a PRODUCTION or ARCHIVED version creates a new DRAFT instead.
     * The provider is chosen as by {@link #create}.
     */
    public PromptVersion update(Actor actor, String promptName, int number, VersionInput input) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        VersionInput valid = validate(input);
        return transactions.inTransaction(exec -> {
            UUID promptId = lock(exec, actor, promptName);
            PromptVersion before = find(exec, actor, promptName, number);
            if (before.status() != VersionStatus.DRAFT) {
                return newDraft(exec, actor, promptId, promptName, valid);
            }
            PromptVersion after = new PromptVersion(before.id(), promptName, number, VersionStatus.DRAFT,
                    valid.messages(), valid.variables(), valid.provider(), valid.model(), valid.parameters(),
                    valid.commitMessage(), before.authorId(), before.createdAt(), now());
            versions.updateContent(exec, after);
            audit.record(exec, actor, actor.userId(), "version.update", "version", after.id(), before, after);
            return after;
        });
    }

    /** Makes the version PRODUCTION and the former one ARCHIVED, in one transaction (rollback = promote an archived one). */
    public PromptVersion promote(Actor actor, String promptName, int number) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        PromptVersion promoted = transactions.inTransaction(exec -> {
            lock(exec, actor, promptName);
            PromptVersion target = find(exec, actor, promptName, number);
            if (target.status() == VersionStatus.PRODUCTION) {
                return target;
            }
            Instant now = now();
            PromptVersion former = versions.findProduction(exec, actor.userId(), promptName).version();
            if (former != null) {
                // archived first: the partial unique index allows one PRODUCTION row at any moment
                versions.setStatus(exec, former.id(), VersionStatus.ARCHIVED, now);
                audit.record(exec, actor, actor.userId(), "version.archive", "version", former.id(), former,
                        withStatus(former, VersionStatus.ARCHIVED, now));
            }
            versions.setStatus(exec, target.id(), VersionStatus.PRODUCTION, now);
            PromptVersion after = withStatus(target, VersionStatus.PRODUCTION, now);
            audit.record(exec, actor, actor.userId(), "version.promote", "version", target.id(), target, after);
            productionCache.announce(exec, actor.userId(), promptName);
            return after;
        });
        productionCache.evict(actor.userId(), promptName);
        return promoted;
    }

    public PromptVersion archive(Actor actor, String promptName, int number) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        PromptVersion archived = transactions.inTransaction(exec -> {
            lock(exec, actor, promptName);
            PromptVersion target = find(exec, actor, promptName, number);
            if (target.status() == VersionStatus.ARCHIVED) {
                return target;
            }
            Instant now = now();
            versions.setStatus(exec, target.id(), VersionStatus.ARCHIVED, now);
            PromptVersion after = withStatus(target, VersionStatus.ARCHIVED, now);
            audit.record(exec, actor, actor.userId(), "version.archive", "version", target.id(), target, after);
            if (target.status() == VersionStatus.PRODUCTION) {
                productionCache.announce(exec, actor.userId(), promptName);
            }
            return after;
        });
        productionCache.evict(actor.userId(), promptName);
        return archived;
    }

    public VersionDiff diff(Actor actor, String promptName, int from, int to) {
        actor.requireScope(Scope.PROMPTS_READ);
        DbExecute exec = transactions.read();
        return differ.diff(find(exec, actor, promptName, from), find(exec, actor, promptName, to));
    }

    /** Strictly renders a version; VALIDATION_FAILED names every missing, undeclared or mistyped variable. */
    public RenderedPrompt render(Actor actor, String promptName, int number, Map<String, Object> variables) {
        actor.requireScope(Scope.PROMPTS_READ);
        return render(find(transactions.read(), actor, promptName, number), variables);
    }

    /** Strictly renders the PRODUCTION version, taken from the cache: no database read once cached. */
    public RenderedPrompt renderProduction(Actor actor, String promptName, Map<String, Object> variables) {
        return render(production(actor, promptName).version(), variables);
    }

    private RenderedPrompt render(PromptVersion version, Map<String, Object> variables) {
        Map<String, Object> values = binder.bind(version.variables(), variables);
        List<Message> messages = version.messages().stream()
                .map(m -> new Message(m.role(), templates.compile(m.content()).render(values)))
                .toList();
        return new RenderedPrompt(version.promptName(), version.number(), version.id(), messages, version.provider(),
                version.model(), version.parameters());
    }

    /** The PRODUCTION version, served from the in-memory cache; NOT_FOUND when there is none. */
    public ProductionVersion production(Actor actor, String promptName) {
        actor.requireScope(Scope.PROMPTS_READ);
        return productionCache.get(actor.userId(), promptName);
    }

    private PromptVersion newDraft(DbExecute exec, Actor actor, UUID promptId, String promptName, VersionInput valid) {
        Instant now = now();
        PromptVersion draft = new PromptVersion(UUID.randomUUID(), promptName, versions.nextNumber(exec, promptId),
                VersionStatus.DRAFT, valid.messages(), valid.variables(), valid.provider(), valid.model(),
                valid.parameters(), valid.commitMessage(), actor.userId(), now, now);
        versions.insert(exec, promptId, draft);
        audit.record(exec, actor, actor.userId(), "version.create", "version", draft.id(), null, draft);
        return draft;
    }

    private VersionInput validate(VersionInput input) {
        VersionInput valid = rules.validate(input);
        return valid.withProvider(providers.choose(valid.provider(), valid.model()));
    }

    private UUID lock(DbExecute exec, Actor actor, String promptName) {
        return prompts.lock(exec, actor.userId(), promptName).orElseThrow(() -> PromptService.notFound(promptName));
    }

    private PromptVersion find(DbExecute exec, Actor actor, String promptName, int number) {
        return versions.find(exec, actor.userId(), promptName, number).orElseThrow(() ->
                DomainException.notFound("Version " + number + " of prompt '" + promptName + "'"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static PromptVersion withStatus(PromptVersion v, VersionStatus status, Instant updatedAt) {
        return new PromptVersion(v.id(), v.promptName(), v.number(), status, v.messages(), v.variables(), v.provider(),
                v.model(), v.parameters(), v.commitMessage(), v.authorId(), v.createdAt(), updatedAt);
    }
}
