package io.promptmanager.core.prompt;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CategoryServiceIT {
    private static Database database;
    private static PromptStack stack;
    private Actor alice;
    private Actor bob;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        stack = new PromptStack(database.dbClient());
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void newUsers() {
        alice = TestUsers.newUser(stack.db);
        bob = TestUsers.newUser(stack.db);
    }

    @Test
    void createsListsAndGetsOwnCategoriesSortedByName() {
        // when
        Category work = stack.categories.create(alice, "  Work ");
        Category home = stack.categories.create(alice, "home");
        stack.categories.create(bob, "Bob's");

        // then
        assertThat(work.name()).isEqualTo("Work");
        assertThat(stack.categories.list(alice)).containsExactly(home, work);
        assertThat(stack.categories.get(alice, work.id())).isEqualTo(work);
    }

    @Test
    void rejectsBlankAndTooLongNames() {
        for (String name : new String[] {null, "", "   ", "x".repeat(61)}) {
            DomainException e = catchThrowableOfType(DomainException.class, () -> stack.categories.create(alice, name));
            assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(e.violations()).extracting(Violation::field).containsExactly("name");
        }
        assertThat(stack.categories.create(alice, "x".repeat(60)).name()).hasSize(60);
    }

    @Test
    void refusesADuplicateNameOfTheSameUserWhateverItsCase() {
        // given
        stack.categories.create(alice, "Research");
        Category other = stack.categories.create(alice, "Other");

        // then
        assertThatThrownBy(() -> stack.categories.create(alice, "RESEARCH"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThatThrownBy(() -> stack.categories.rename(alice, other.id(), "research"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(stack.categories.create(bob, "Research").name()).isEqualTo("Research");
    }

    @Test
    void renamesKeepingIdAndCreationTime() {
        // given
        Category category = stack.categories.create(alice, "drafts");

        // when
        Category renamed = stack.categories.rename(alice, category.id(), "Drafts");

        // then
        assertThat(renamed.id()).isEqualTo(category.id());
        assertThat(renamed.createdAt()).isEqualTo(category.createdAt());
        assertThat(renamed.name()).isEqualTo("Drafts");
        assertThat(stack.categories.get(alice, category.id())).isEqualTo(renamed);
    }

    @Test
    void deletingACategoryLeavesItsPromptsUncategorised() {
        // given
        Category category = stack.categories.create(alice, "Temporary");
        stack.prompts.create(alice, new PromptInput("kept-prompt", "", "temporary", List.of()));

        // when
        stack.categories.delete(alice, category.id());

        // then
        assertThat(stack.prompts.get(alice, "kept-prompt").category()).isNull();
        assertThat(stack.categories.list(alice)).isEmpty();
    }

    @Test
    void anotherUsersCategoryIsNotFoundForEveryOperation() {
        // given
        Category bobs = stack.categories.create(bob, "Private");

        // then
        assertNotFound(() -> stack.categories.get(alice, bobs.id()));
        assertNotFound(() -> stack.categories.rename(alice, bobs.id(), "Mine now"));
        assertNotFound(() -> stack.categories.delete(alice, bobs.id()));
        assertNotFound(() -> stack.categories.get(alice, UUID.randomUUID()));
        assertThat(stack.categories.list(alice)).isEmpty();
        assertThat(stack.categories.get(bob, bobs.id()).name()).isEqualTo("Private");
    }

    @Test
    void readsNeedPromptsReadAndWritesNeedPromptsWrite() {
        // given
        Category category = stack.categories.create(alice, "Scoped");
        Actor readOnly = TestUsers.withScopes(alice, Scope.PROMPTS_READ);
        Actor writeOnly = TestUsers.withScopes(alice, Scope.PROMPTS_WRITE);

        // then
        assertThat(stack.categories.list(readOnly)).containsExactly(category);
        assertScopeRequired(() -> stack.categories.create(readOnly, "Nope"));
        assertScopeRequired(() -> stack.categories.rename(readOnly, category.id(), "Nope"));
        assertScopeRequired(() -> stack.categories.delete(readOnly, category.id()));
        assertScopeRequired(() -> stack.categories.list(writeOnly));
        assertScopeRequired(() -> stack.categories.get(writeOnly, category.id()));
    }

    @Test
    void recordsCreateRenameAndDeleteInTheAuditLogWithBeforeAndAfter() {
        // given
        Category category = stack.categories.create(alice, "Audited");
        stack.categories.rename(alice, category.id(), "Audited again");
        stack.categories.delete(alice, category.id());

        // then
        var entries = stack.db.execute().query("""
                        SELECT action, before_state IS NULL AS no_before, after_state IS NULL AS no_after,
                               after_state->>'name' AS after_name, actor_user_id
                        FROM audit_log WHERE object_id = ? ORDER BY created_at, action
                        """, category.id().toString())
                .map(r -> r.column("action").get(String.class) + ":" + r.column("no_before").get(Boolean.class)
                        + ":" + r.column("no_after").get(Boolean.class) + ":" + r.column("after_name").get(String.class)
                        + ":" + r.column("actor_user_id").get(UUID.class).equals(alice.userId()))
                .toList();
        assertThat(entries).containsExactly("category.create:true:false:Audited:true",
                "category.rename:false:false:Audited again:true", "category.delete:false:true:null:true");
    }

    private static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    private static void assertScopeRequired(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_REQUIRED));
    }
}
