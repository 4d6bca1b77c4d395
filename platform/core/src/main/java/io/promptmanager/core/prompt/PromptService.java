package io.promptmanager.core.prompt;

import io.helidon.dbclient.DbExecute;
import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.Cursor;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.common.Validator;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The prompt catalogue of each user. Another user's prompt is NOT_FOUND. Deleting a prompt
 * deletes its versions; executions keep their own copy of what they need.
 */
public final class PromptService {
    private final PromptRepository prompts;
    private final CategoryRepository categories;
    private final Transactions transactions;
    private final AuditLog audit;
    private final ProductionCache productionCache;
    private final Clock clock;
    private final PromptRules rules = new PromptRules();

    public PromptService(PromptRepository prompts, CategoryRepository categories, Transactions transactions,
                         AuditLog audit, ProductionCache productionCache, Clock clock) {
        this.prompts = prompts;
        this.categories = categories;
        this.transactions = transactions;
        this.audit = audit;
        this.productionCache = productionCache;
        this.clock = clock;
    }

    public Page<Prompt> list(Actor actor, PromptFilter filter, PageRequest page) {
        actor.requireScope(Scope.PROMPTS_READ);
        PromptFilter f = filter == null ? PromptFilter.none() : filter;
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor());
        List<Prompt> rows = prompts.page(transactions.read(), actor.userId(), blankToNull(f.category()),
                f.status() == null ? null : f.status().name(), blankToNull(f.tag()), containsPattern(f.text()),
                after, page.limit() + 1);
        return Cursor.page(rows, page.limit(), p -> new Cursor(p.createdAt(), p.id()));
    }

    public Prompt get(Actor actor, String name) {
        actor.requireScope(Scope.PROMPTS_READ);
        return prompts.find(transactions.read(), actor.userId(), name).orElseThrow(() -> notFound(name));
    }

    public Prompt create(Actor actor, PromptInput input) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        Validator validator = new Validator();
        PromptInput valid = rules.validate(input, validator);
        failEarlyWithoutCategory(valid, validator);
        Prompt created = uniquely(valid.name(), () -> transactions.inTransaction(exec -> {
            UUID categoryId = categoryId(exec, actor, valid.category(), validator);
            validator.throwIfInvalid();
            UUID id = UUID.randomUUID();
            prompts.insert(exec, actor.userId(), new PromptRepository.NewPrompt(id, valid.name(),
                    valid.description(), categoryId, valid.tags(), now()));
            Prompt prompt = prompts.find(exec, actor.userId(), valid.name()).orElseThrow();
            audit.record(exec, actor, actor.userId(), "prompt.create", "prompt", id, null, prompt);
            // a cached "no such prompt" for this name must go
            productionCache.announce(exec, actor.userId(), valid.name());
            return prompt;
        }));
        productionCache.evict(actor.userId(), created.name());
        return created;
    }

    /** Replaces the prompt's fields; a new name renames it (its old name is free again). */
    public Prompt update(Actor actor, String name, PromptInput input) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        Validator validator = new Validator();
        PromptInput valid = rules.validate(input, validator);
        failEarlyWithoutCategory(valid, validator);
        Prompt updated = uniquely(valid.name(), () -> transactions.inTransaction(exec -> {
            Prompt before = prompts.find(exec, actor.userId(), name).orElseThrow(() -> notFound(name));
            UUID categoryId = categoryId(exec, actor, valid.category(), validator);
            validator.throwIfInvalid();
            prompts.update(exec, actor.userId(), before.id(), valid.name(), valid.description(), categoryId,
                    valid.tags(), now());
            Prompt after = prompts.find(exec, actor.userId(), valid.name()).orElseThrow();
            audit.record(exec, actor, actor.userId(), "prompt.update", "prompt", before.id(), before, after);
            productionCache.announce(exec, actor.userId(), name);
            if (!name.equals(valid.name())) {
                productionCache.announce(exec, actor.userId(), valid.name());
            }
            return after;
        }));
        productionCache.evict(actor.userId(), name);
        productionCache.evict(actor.userId(), updated.name());
        return updated;
    }

    public void delete(Actor actor, String name) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        transactions.run(exec -> {
            Prompt before = prompts.find(exec, actor.userId(), name).orElseThrow(() -> notFound(name));
            prompts.delete(exec, actor.userId(), before.id());
            audit.record(exec, actor, actor.userId(), "prompt.delete", "prompt", before.id(), before, null);
            productionCache.announce(exec, actor.userId(), name);
        });
        productionCache.evict(actor.userId(), name);
    }

    /** Only the category needs the database; without one, a bad input never opens a transaction. */
    private static void failEarlyWithoutCategory(PromptInput valid, Validator validator) {
        if (valid.category() == null) {
            validator.throwIfInvalid();
        }
    }

    private UUID categoryId(DbExecute exec, Actor actor, String category, Validator validator) {
        if (category == null) {
            return null;
        }
        var found = categories.findByName(exec, actor.userId(), category);
        validator.check(found.isPresent(), "category", "no category named '" + category + "'");
        return found.map(Category::id).orElse(null);
    }

    private static Prompt uniquely(String name, Supplier<Prompt> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw DomainException.conflict("A prompt named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A case-insensitive "contains" LIKE pattern with the user's text taken literally. */
    private static String containsPattern(String text) {
        String t = blankToNull(text);
        if (t == null) {
            return null;
        }
        return "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static DomainException notFound(String name) {
        return DomainException.notFound("Prompt '" + name + "'");
    }
}
