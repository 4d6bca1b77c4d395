package io.promptmanager.core.prompt;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.audit.AuditLog;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.user.Actor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A user's categories. Deleting one leaves its prompts uncategorised. */
public final class CategoryService {
    static final int MAX_NAME = 60;

    private final CategoryRepository categories;
    private final Transactions transactions;
    private final AuditLog audit;
    private final Clock clock;

    public CategoryService(CategoryRepository categories, Transactions transactions, AuditLog audit, Clock clock) {
        this.categories = categories;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Category> list(Actor actor) {
        actor.requireScope(Scope.PROMPTS_READ);
        return categories.list(transactions.read(), actor.userId());
    }

    public Category get(Actor actor, UUID id) {
        actor.requireScope(Scope.PROMPTS_READ);
        return categories.find(transactions.read(), actor.userId(), id).orElseThrow(CategoryService::notFound);
    }

    public Category create(Actor actor, String name) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        String valid = validName(name);
        Instant now = now();
        Category category = new Category(UUID.randomUUID(), valid, now, now);
        return uniquely(valid, () -> transactions.inTransaction(exec -> {
            categories.insert(exec, actor.userId(), category);
            audit.record(exec, actor, actor.userId(), "category.create", "category", category.id(), null, category);
            return category;
        }));
    }

    public Category rename(Actor actor, UUID id, String name) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        String valid = validName(name);
        return uniquely(valid, () -> transactions.inTransaction(exec -> {
            Category before = categories.find(exec, actor.userId(), id).orElseThrow(CategoryService::notFound);
            Category after = new Category(id, valid, before.createdAt(), now());
            categories.rename(exec, actor.userId(), after);
            audit.record(exec, actor, actor.userId(), "category.rename", "category", id, before, after);
            return after;
        }));
    }

    public void delete(Actor actor, UUID id) {
        actor.requireScope(Scope.PROMPTS_WRITE);
        transactions.run(exec -> {
            Category before = categories.find(exec, actor.userId(), id).orElseThrow(CategoryService::notFound);
            categories.delete(exec, actor.userId(), id);
            audit.record(exec, actor, actor.userId(), "category.delete", "category", id, before, null);
        });
    }

    private static String validName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw DomainException.invalid("name", "must be 1 to " + MAX_NAME + " characters");
        }
        return stripped;
    }

    private static Category uniquely(String name, Supplier<Category> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw DomainException.conflict("A category named '" + name + "' already exists");
            }
            throw e;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static DomainException notFound() {
        return DomainException.notFound("Category");
    }
}
