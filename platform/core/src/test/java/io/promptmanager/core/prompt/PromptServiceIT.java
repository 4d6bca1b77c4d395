package io.promptmanager.core.prompt;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PromptServiceIT {
    private static Database database;
    private static PromptStack stack;
    private Actor alice;
    private Actor bob;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        stack = new PromptStack(database.dbClient(), new TickingClock(Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofMillis(1)));
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
    void createsAPromptInCanonicalFormAndReadsItBack() {
        // given
        stack.categories.create(alice, "Support");

        // when
        Prompt created = stack.prompts.create(alice, new PromptInput("reply-to-customer", "  Answers tickets. ",
                "support", List.of("email", "support", "email")));

        // then
        assertThat(created.name()).isEqualTo("reply-to-customer");
        assertThat(created.description()).isEqualTo("Answers tickets.");
        assertThat(created.category()).isEqualTo("Support");
        assertThat(created.tags()).containsExactly("email", "support");
        assertThat(created.productionVersion()).isNull();
        assertThat(created.latestVersion()).isNull();
        assertThat(stack.prompts.get(alice, "reply-to-customer")).isEqualTo(created);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Upper", "two--hyphens", "-leading", "trailing-", "under_score", "sp ace", "accentué"})
    void refusesNamesThatAreNotUrlSafeSlugs(String name) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> stack.prompts.create(alice, new PromptInput(name, null, null, null)));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field).containsOnly("name");
    }

    @Test
    void acceptsNamesUpToEightyCharacters() {
        String longest = "a".repeat(40) + "-" + "b".repeat(39);

        assertThat(stack.prompts.create(alice, new PromptInput(longest, null, null, null)).name()).hasSize(80);
        assertThatThrownBy(() -> stack.prompts.create(alice, new PromptInput(longest + "c", null, null, null)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void reportsEveryProblemOfAPromptAtOnce() {
        // given
        List<String> tags = new ArrayList<>(IntStream.range(0, 22).mapToObj(i -> "t" + i).toList());
        tags.set(3, "Not A Slug");
        tags.add("x".repeat(41));

        // when
        DomainException e = catchThrowableOfType(DomainException.class, () -> stack.prompts.create(alice,
                new PromptInput("Bad Name", "d".repeat(2001), "no-such-category", tags)));

        // then
        assertThat(e.violations()).extracting(Violation::field)
                .containsExactlyInAnyOrder("name", "description", "tags[3]", "tags[22]", "tags", "category");
    }

    @Test
    void namesAreUniquePerUserOnly() {
        // given
        stack.prompts.create(alice, new PromptInput("summarise", null, null, null));

        // then
        assertThatThrownBy(() -> stack.prompts.create(alice, new PromptInput("summarise", null, null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(stack.prompts.create(bob, new PromptInput("summarise", null, null, null)).name())
                .isEqualTo("summarise");
    }

    @Test
    void updateReplacesFieldsAndMayRenameFreeingTheOldName() {
        // given
        stack.categories.create(alice, "Ops");
        Prompt original = stack.prompts.create(alice, new PromptInput("old-name", "first", null, List.of("a")));

        // when
        Prompt renamed = stack.prompts.update(alice, "old-name", new PromptInput("new-name", "second", "OPS", List.of("b")));

        // then
        assertThat(renamed.id()).isEqualTo(original.id());
        assertThat(renamed).extracting(Prompt::name, Prompt::description, Prompt::category, Prompt::tags)
                .containsExactly("new-name", "second", "Ops", List.of("b"));
        assertThat(renamed.updatedAt()).isAfter(original.updatedAt());
        assertThat(renamed.createdAt()).isEqualTo(original.createdAt());
        assertNotFound(() -> stack.prompts.get(alice, "old-name"));
        assertThat(stack.prompts.create(alice, new PromptInput("old-name", null, null, null)).id())
                .isNotEqualTo(original.id());
    }

    @Test
    void renamingOntoAnotherPromptsNameIsAConflict() {
        stack.prompts.create(alice, new PromptInput("first", null, null, null));
        stack.prompts.create(alice, new PromptInput("second", null, null, null));

        assertThatThrownBy(() -> stack.prompts.update(alice, "second", new PromptInput("first", null, null, null)))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
        assertThat(stack.prompts.get(alice, "second").name()).isEqualTo("second");
    }

    @Test
    void deleteRemovesThePromptAndItsVersions() {
        // given
        Prompt prompt = stack.prompts.create(alice, new PromptInput("doomed", null, null, null));
        stack.versions.create(alice, "doomed", VersionServiceIT.simpleVersion("v1"));
        stack.versions.create(alice, "doomed", VersionServiceIT.simpleVersion("v2"));

        // when
        stack.prompts.delete(alice, "doomed");

        // then
        assertNotFound(() -> stack.prompts.get(alice, "doomed"));
        assertThat(stack.count("SELECT count(*) AS n FROM prompt_versions WHERE prompt_id = ?::uuid", prompt.id()))
                .isZero();
        assertThat(stack.count("SELECT count(*) AS n FROM audit_log WHERE object_id = ? AND action = 'prompt.delete'",
                prompt.id().toString())).isEqualTo(1);
    }

    @Test
    void carriesProductionAndLatestVersionNumbers() {
        // given
        stack.prompts.create(alice, new PromptInput("numbered", null, null, null));
        stack.versions.create(alice, "numbered", VersionServiceIT.simpleVersion("v1"));
        stack.versions.create(alice, "numbered", VersionServiceIT.simpleVersion("v2"));
        stack.versions.create(alice, "numbered", VersionServiceIT.simpleVersion("v3"));

        // when
        stack.versions.promote(alice, "numbered", 2);

        // then
        Prompt prompt = stack.prompts.get(alice, "numbered");
        assertThat(prompt.productionVersion()).isEqualTo(2);
        assertThat(prompt.latestVersion()).isEqualTo(3);
    }

    @Test
    void listFiltersByCategoryStatusTagAndText() {
        // given
        Actor carol = TestUsers.newUser(stack.db);
        stack.categories.create(carol, "Sales");
        stack.prompts.create(carol, new PromptInput("cold-email", "Writes a first EMAIL", "sales", List.of("email")));
        stack.prompts.create(carol, new PromptInput("follow-up", "Second message", "Sales", List.of("email", "crm")));
        stack.prompts.create(carol, new PromptInput("haiku", "Poems about 100% cotton_shirts", null, List.of("fun")));
        stack.versions.create(carol, "follow-up", VersionServiceIT.simpleVersion("v1"));
        stack.versions.promote(carol, "follow-up", 1);
        stack.versions.create(carol, "haiku", VersionServiceIT.simpleVersion("v1"));
        stack.prompts.create(bob, new PromptInput("bobs-email", "email", null, List.of("email")));

        // then
        assertThat(names(carol, new PromptFilter("SALES", null, null, null)))
                .containsExactly("follow-up", "cold-email");
        assertThat(names(carol, new PromptFilter(null, VersionStatus.PRODUCTION, null, null)))
                .containsExactly("follow-up");
        assertThat(names(carol, new PromptFilter(null, VersionStatus.DRAFT, null, null))).containsExactly("haiku");
        assertThat(names(carol, new PromptFilter(null, null, "email", null)))
                .containsExactly("follow-up", "cold-email");
        assertThat(names(carol, new PromptFilter(null, null, null, "email"))).containsExactly("cold-email");
        assertThat(names(carol, new PromptFilter(null, null, null, "HAI"))).containsExactly("haiku");
        assertThat(names(carol, new PromptFilter("sales", null, "crm", "second"))).containsExactly("follow-up");
        assertThat(names(carol, new PromptFilter("unknown", null, null, null))).isEmpty();
        assertThat(names(carol, PromptFilter.none())).containsExactly("haiku", "follow-up", "cold-email");
    }

    @Test
    void textFilterTakesLikeWildcardsLiterally() {
        Actor dave = TestUsers.newUser(stack.db);
        stack.prompts.create(dave, new PromptInput("percent", "100% cotton", null, null));
        stack.prompts.create(dave, new PromptInput("plain", "1000 cotton_shirts", null, null));

        assertThat(names(dave, new PromptFilter(null, null, null, "0%"))).containsExactly("percent");
        assertThat(names(dave, new PromptFilter(null, null, null, "n_s"))).containsExactly("plain");
        assertThat(names(dave, new PromptFilter(null, null, null, "%"))).containsExactly("percent");
    }

    @Test
    void paginatesNewestFirstAcrossPagesWithNextCursor() {
        // given
        Actor erin = TestUsers.newUser(stack.db);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            created.add(stack.prompts.create(erin, new PromptInput("p-" + i, null, null, null)).name());
        }
        Collections.reverse(created);

        // when
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            Page<Prompt> page = stack.prompts.list(erin, PromptFilter.none(), new PageRequest(10, cursor));
            page.items().forEach(p -> seen.add(p.name()));
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        // then
        assertThat(pageSizes).containsExactly(10, 10, 5);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void aFullLastPageHasNoNextCursor() {
        Actor frank = TestUsers.newUser(stack.db);
        for (int i = 0; i < 4; i++) {
            stack.prompts.create(frank, new PromptInput("q-" + i, null, null, null));
        }

        Page<Prompt> first = stack.prompts.list(frank, PromptFilter.none(), PageRequest.first(2));
        Page<Prompt> second = stack.prompts.list(frank, PromptFilter.none(), new PageRequest(2, first.nextCursor()));

        assertThat(first.nextCursor()).isNotNull();
        assertThat(second.items()).extracting(Prompt::name).containsExactly("q-1", "q-0");
        assertThat(second.nextCursor()).isNull();
    }

    @Test
    void anotherUsersPromptIsNotFoundForEveryOperation() {
        // given: bob owns a promoted prompt alice tries to reach by its name
        stack.prompts.create(bob, new PromptInput("bobs-secret", "mine", null, List.of("private")));
        stack.versions.create(bob, "bobs-secret", VersionServiceIT.simpleVersion("v1"));
        stack.versions.create(bob, "bobs-secret", VersionServiceIT.simpleVersion("v2"));
        stack.versions.promote(bob, "bobs-secret", 1);
        String name = "bobs-secret";

        // then
        assertNotFound(() -> stack.prompts.get(alice, name));
        assertNotFound(() -> stack.prompts.update(alice, name, new PromptInput("stolen", null, null, null)));
        assertNotFound(() -> stack.prompts.delete(alice, name));
        assertNotFound(() -> stack.versions.list(alice, name));
        assertNotFound(() -> stack.versions.get(alice, name, 1));
        assertNotFound(() -> stack.versions.create(alice, name, VersionServiceIT.simpleVersion("x")));
        assertNotFound(() -> stack.versions.update(alice, name, 2, VersionServiceIT.simpleVersion("x")));
        assertNotFound(() -> stack.versions.promote(alice, name, 2));
        assertNotFound(() -> stack.versions.archive(alice, name, 1));
        assertNotFound(() -> stack.versions.diff(alice, name, 1, 2));
        assertNotFound(() -> stack.versions.render(alice, name, 1, Map.of()));
        assertNotFound(() -> stack.versions.production(alice, name));
        assertThat(stack.prompts.list(alice, new PromptFilter(null, null, "private", null), PageRequest.firstPage())
                .items()).isEmpty();

        // and bob's prompt is untouched
        Prompt bobs = stack.prompts.get(bob, name);
        assertThat(bobs.productionVersion()).isEqualTo(1);
        assertThat(bobs.latestVersion()).isEqualTo(2);
        assertThat(stack.versions.production(bob, name).version().number()).isEqualTo(1);
    }

    @Test
    void readsNeedPromptsReadAndWritesNeedPromptsWrite() {
        // given
        stack.prompts.create(alice, new PromptInput("scoped", null, null, null));
        Actor readOnly = TestUsers.withScopes(alice, Scope.PROMPTS_READ);
        Actor runOnly = TestUsers.withScopes(alice, Scope.EXECUTIONS_RUN);

        // then
        assertThat(stack.prompts.get(readOnly, "scoped").name()).isEqualTo("scoped");
        assertScopeRequired(() -> stack.prompts.create(readOnly, new PromptInput("other", null, null, null)));
        assertScopeRequired(() -> stack.prompts.update(readOnly, "scoped", new PromptInput("scoped", null, null, null)));
        assertScopeRequired(() -> stack.prompts.delete(readOnly, "scoped"));
        assertScopeRequired(() -> stack.prompts.get(runOnly, "scoped"));
        assertScopeRequired(() -> stack.prompts.list(runOnly, PromptFilter.none(), PageRequest.firstPage()));
    }

    @Test
    void recordsCreateUpdateAndDeleteInTheAuditLog() {
        Prompt prompt = stack.prompts.create(alice, new PromptInput("audited", null, null, null));
        stack.prompts.update(alice, "audited", new PromptInput("audited-2", "d", null, null));
        stack.prompts.delete(alice, "audited-2");

        List<String> actions = stack.db.execute().query("""
                        SELECT action || ':' || coalesce(before_state->>'name', '-') || ':'
                               || coalesce(after_state->>'name', '-') AS entry
                        FROM audit_log WHERE object_id = ? AND owner_id = ?::uuid ORDER BY created_at""",
                        prompt.id().toString(), alice.userId())
                .map(r -> r.column("entry").get(String.class)).toList();
        assertThat(actions).containsExactly("prompt.create:-:audited", "prompt.update:audited:audited-2",
                "prompt.delete:audited-2:-");
    }

    private List<String> names(Actor actor, PromptFilter filter) {
        return stack.prompts.list(actor, filter, PageRequest.firstPage()).items().stream().map(Prompt::name).toList();
    }

    static void assertNotFound(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    static void assertScopeRequired(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_REQUIRED));
    }
}
