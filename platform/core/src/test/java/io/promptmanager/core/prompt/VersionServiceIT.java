package io.promptmanager.core.prompt;

import io.promptmanager.core.testing.MutableClock;
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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.promptmanager.core.prompt.PromptServiceIT.assertNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VersionServiceIT {
    private static Database database;
    private static PromptStack stack;
    private Actor alice;
    private String prompt;

    @BeforeAll
    static void startDatabase() {
        database = TestDatabase.fresh();
        // every clock read moves time on, so audit entries of one transaction have a definite order
        stack = new PromptStack(database.dbClient(), MutableClock.ticking(Instant.parse("2026-01-01T00:00:00Z"),
                Duration.ofMillis(1)));
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @BeforeEach
    void newUserWithAPrompt() {
        alice = TestUsers.newUser(stack.db);
        prompt = "prompt-" + UUID.randomUUID().toString().substring(0, 8);
        stack.prompts.create(alice, new PromptInput(prompt, null, null, null));
    }

    static VersionInput simpleVersion(String commitMessage) {
        return new VersionInput(List.of(new Message("user", "Say " + commitMessage)), List.of(), "openai/gpt-4o-mini",
                null, commitMessage);
    }

    private static VersionInput greeting(String commitMessage) {
        return new VersionInput(
                List.of(new Message("system", "You write {{tone}} greetings of at most {{lines}} lines."),
                        new Message("user", "Greet {{name}} in {{count}} words.{{#shout}} LOUDLY!{{/shout}}")),
                List.of(new VariableDeclaration("name", "string", true, null, "who to greet"),
                        new VariableDeclaration("count", "number", true, null, null),
                        new VariableDeclaration("tone", "string", false, "warm", null),
                        new VariableDeclaration("shout", "boolean", false, false, null),
                        new VariableDeclaration("lines", "number", false, 2, null)),
                "openai/gpt-4o-mini",
                new ModelParameters(new BigDecimal("0.7"), 200, null, null, null, List.of("END"), null),
                commitMessage);
    }

    @Test
    void createsDraftsNumberedFromOneWithTheAuthor() {
        // when
        PromptVersion first = stack.versions.create(alice, prompt, greeting("first"));
        PromptVersion second = stack.versions.create(alice, prompt, simpleVersion("second"));

        // then
        assertThat(first.number()).isEqualTo(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(first.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(first.authorId()).isEqualTo(alice.userId());
        assertThat(first.promptName()).isEqualTo(prompt);
        assertThat(stack.versions.get(alice, prompt, 1)).isEqualTo(first);
        assertThat(first.variables().getLast().defaultValue()).isEqualTo(new BigDecimal("2"));
        assertThat(stack.versions.list(alice, prompt)).containsExactly(second, first);
    }

    @Test
    void namesTheOneProviderOfferingTheModelWhenTheVersionNamesNone() {
        PromptVersion version = stack.versions.create(alice, prompt, simpleVersion("from the catalogue"));

        assertThat(version.provider()).isEqualTo("alpha");
        assertThat(stack.versions.get(alice, prompt, 1).provider()).isEqualTo("alpha");
        assertThat(stack.versions.render(alice, prompt, 1, Map.of()).provider()).isEqualTo("alpha");
    }

    @Test
    void refusesAModelSeveralProvidersOfferWhenNoneIsNamedListingThem() {
        VersionInput shared = withModel(null, "shared/model");

        DomainException e = catchThrowableOfType(DomainException.class, () -> stack.versions.create(alice, prompt, shared));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).containsExactly(new Violation("provider",
                "'shared/model' is offered by several providers (alpha, beta): name one"));
        assertThat(stack.versions.list(alice, prompt)).isEmpty();
    }

    @Test
    void keepsTheProviderTheVersionNames() {
        PromptVersion version = stack.versions.create(alice, prompt, withModel(" beta ", "shared/model"));

        assertThat(version.provider()).isEqualTo("beta");
        assertThat(stack.versions.update(alice, prompt, 1, withModel(null, "openai/gpt-4o-mini")).provider())
                .isEqualTo("alpha");
    }

    @Test
    void refusesAProviderThatIsNotInstalledListingTheInstalledOnes() {
        DomainException unknown = catchThrowableOfType(DomainException.class,
                () -> stack.versions.create(alice, prompt, withModel("gamma", "shared/model")));
        DomainException malformed = catchThrowableOfType(DomainException.class,
                () -> stack.versions.create(alice, prompt, withModel("Open Router", "shared/model")));

        assertThat(unknown.violations()).containsExactly(
                new Violation("provider", "unknown provider 'gamma'; installed: alpha, beta"));
        assertThat(malformed.violations()).extracting(Violation::field).containsExactly("provider");
        assertThat(stack.versions.list(alice, prompt)).isEmpty();
    }

    @Test
    void savesAModelNoProviderOffersYetWithoutAProvider() {
        PromptVersion version = stack.versions.create(alice, prompt, withModel(null, "vendor/not-yet-listed"));

        assertThat(version.provider()).isNull();
        assertThat(version.model()).isEqualTo("vendor/not-yet-listed");
    }

    private static VersionInput withModel(String provider, String model) {
        return new VersionInput(List.of(new Message("user", "Hello")), List.of(), provider, model, null, "");
    }

    @Test
    void refusesATemplateUsingAnUndeclaredVariableNamingIt() {
        VersionInput input = new VersionInput(List.of(new Message("user", "Hello {{who}}")), List.of(), "m", null, null);

        DomainException e = catchThrowableOfType(DomainException.class, () -> stack.versions.create(alice, prompt, input));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).containsExactly(
                new Violation("messages[0].content", "uses the undeclared variable 'who'"));
        assertThat(stack.versions.list(alice, prompt)).isEmpty();
    }

    @Test
    void editsADraftInPlace() {
        // given
        PromptVersion draft = stack.versions.create(alice, prompt, simpleVersion("first try"));

        // when
        PromptVersion edited = stack.versions.update(alice, prompt, 1, greeting("second try"));

        // then
        assertThat(edited.id()).isEqualTo(draft.id());
        assertThat(edited.number()).isEqualTo(1);
        assertThat(edited.commitMessage()).isEqualTo("second try");
        assertThat(edited.createdAt()).isEqualTo(draft.createdAt());
        assertThat(stack.versions.list(alice, prompt)).containsExactly(edited);
    }

    @Test
    void editingAProductionOrArchivedVersionCreatesANewDraftAndLeavesItUnchanged() {
        // given
        PromptVersion v1 = stack.versions.create(alice, prompt, simpleVersion("v1"));
        stack.versions.create(alice, prompt, simpleVersion("v2"));
        PromptVersion production = stack.versions.promote(alice, prompt, 1);
        PromptVersion archived = stack.versions.archive(alice, prompt, 2);

        // when
        PromptVersion fromProduction = stack.versions.update(alice, prompt, 1, simpleVersion("edit of v1"));
        PromptVersion fromArchived = stack.versions.update(alice, prompt, 2, simpleVersion("edit of v2"));

        // then
        assertThat(fromProduction.number()).isEqualTo(3);
        assertThat(fromProduction.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(fromProduction.id()).isNotEqualTo(v1.id());
        assertThat(fromArchived.number()).isEqualTo(4);
        assertThat(stack.versions.get(alice, prompt, 1)).isEqualTo(production);
        assertThat(stack.versions.get(alice, prompt, 2)).isEqualTo(archived);
    }

    @Test
    void promoteArchivesTheFormerProductionAndRollbackPromotesAnArchivedOne() {
        // given
        stack.versions.create(alice, prompt, simpleVersion("v1"));
        stack.versions.create(alice, prompt, simpleVersion("v2"));
        stack.versions.promote(alice, prompt, 1);

        // when
        PromptVersion v2 = stack.versions.promote(alice, prompt, 2);

        // then
        assertThat(v2.status()).isEqualTo(VersionStatus.PRODUCTION);
        assertThat(stack.versions.get(alice, prompt, 1).status()).isEqualTo(VersionStatus.ARCHIVED);
        assertThat(stack.versions.production(alice, prompt).version().number()).isEqualTo(2);

        // when: rollback
        stack.versions.promote(alice, prompt, 1);

        // then
        assertThat(statuses()).containsExactly(VersionStatus.PRODUCTION, VersionStatus.ARCHIVED);
        assertThat(stack.versions.production(alice, prompt).version().number()).isEqualTo(1);
    }

    @Test
    void promotingTheProductionVersionAgainChangesNothing() {
        stack.versions.create(alice, prompt, simpleVersion("v1"));
        PromptVersion promoted = stack.versions.promote(alice, prompt, 1);
        long auditBefore = auditCount("version.promote");

        PromptVersion again = stack.versions.promote(alice, prompt, 1);

        assertThat(again).isEqualTo(promoted);
        assertThat(stack.versions.get(alice, prompt, 1)).isEqualTo(promoted);
        assertThat(auditCount("version.promote")).isEqualTo(auditBefore);
    }

    @Test
    void archivesAnyVersionAndArchivingProductionLeavesNone() {
        // given
        stack.versions.create(alice, prompt, simpleVersion("v1"));
        stack.versions.create(alice, prompt, simpleVersion("v2"));
        stack.versions.promote(alice, prompt, 1);

        // when
        stack.versions.archive(alice, prompt, 2);
        stack.versions.archive(alice, prompt, 1);

        // then
        assertThat(statuses()).containsExactly(VersionStatus.ARCHIVED, VersionStatus.ARCHIVED);
        assertNotFound(() -> stack.versions.production(alice, prompt));
        assertThat(stack.prompts.get(alice, prompt).productionVersion()).isNull();
    }

    @Test
    void concurrentPromotesOfDifferentVersionsAlwaysLeaveExactlyOneProduction() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                // given
                String name = "race-" + round;
                stack.prompts.create(alice, new PromptInput(name, null, null, null));
                stack.versions.create(alice, name, simpleVersion("a"));
                stack.versions.create(alice, name, simpleVersion("b"));
                CyclicBarrier start = new CyclicBarrier(2);

                // when
                List<Future<PromptVersion>> results = new ArrayList<>();
                for (int number = 1; number <= 2; number++) {
                    int n = number;
                    results.add(pool.submit(() -> {
                        start.await();
                        return stack.versions.promote(alice, name, n);
                    }));
                }
                for (Future<PromptVersion> result : results) {
                    assertThat(result.get().status()).isEqualTo(VersionStatus.PRODUCTION);
                }

                // then
                long productions = stack.count("""
                        SELECT count(*) AS n FROM prompt_versions v JOIN prompts p ON p.id = v.prompt_id
                        WHERE p.user_id = ?::uuid AND p.name = ? AND v.status = 'PRODUCTION'""", alice.userId(), name);
                assertThat(productions).as("round %d", round).isEqualTo(1);
                assertThat(stack.versions.production(alice, name).version().status()).isEqualTo(VersionStatus.PRODUCTION);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCreatesGetDistinctConsecutiveNumbers() {
        List<CompletableFuture<PromptVersion>> creates = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < 12; i++) {
                String commit = "c" + i;
                creates.add(CompletableFuture.supplyAsync(() -> stack.versions.create(alice, prompt, simpleVersion(commit)), pool));
            }
            List<Integer> numbers = new ArrayList<>(creates.stream().map(CompletableFuture::join).map(PromptVersion::number).toList());
            Collections.sort(numbers);
            assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theDatabaseRefusesASecondProductionVersionWhateverTheApplicationDoes() throws SQLException {
        // given
        stack.versions.create(alice, prompt, simpleVersion("v1"));
        stack.versions.create(alice, prompt, simpleVersion("v2"));
        stack.versions.promote(alice, prompt, 1);

        // when / then
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement("""
                     UPDATE prompt_versions SET status = 'PRODUCTION'
                     WHERE number = 2 AND prompt_id = (SELECT id FROM prompts WHERE user_id = ? AND name = ?)""")) {
            update.setObject(1, alice.userId());
            update.setString(2, prompt);
            assertThatThrownBy(update::executeUpdate)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("23505"))
                    .hasMessageContaining("prompt_versions_one_production_uq");
        }
        assertThat(statuses()).containsExactly(VersionStatus.PRODUCTION, VersionStatus.DRAFT);
    }

    @Test
    void recordsEveryVersionChangeInTheAuditLog() {
        // given
        stack.versions.create(alice, prompt, simpleVersion("v1"));
        stack.versions.update(alice, prompt, 1, simpleVersion("v1 edited"));
        stack.versions.create(alice, prompt, simpleVersion("v2"));
        stack.versions.promote(alice, prompt, 1);
        stack.versions.promote(alice, prompt, 2);
        stack.versions.archive(alice, prompt, 2);

        // then
        List<String> entries = stack.db.execute().query("""
                        SELECT a.action || ' v' || (coalesce(a.after_state, a.before_state)->>'number') || ' '
                               || coalesce(a.before_state->>'status', '-') || '>' || (a.after_state->>'status') AS entry
                        FROM audit_log a
                        WHERE a.owner_id = ?::uuid AND a.object_type = 'version'
                        ORDER BY a.created_at""", alice.userId())
                .map(r -> r.column("entry").get(String.class)).toList();
        assertThat(entries).containsExactly(
                "version.create v1 ->DRAFT",
                "version.update v1 DRAFT>DRAFT",
                "version.create v2 ->DRAFT",
                "version.promote v1 DRAFT>PRODUCTION",
                "version.archive v1 PRODUCTION>ARCHIVED",
                "version.promote v2 DRAFT>PRODUCTION",
                "version.archive v2 PRODUCTION>ARCHIVED");
    }

    @Test
    void rendersWithGivenValuesAndDefaultsWithoutHtmlEscaping() {
        // given
        stack.versions.create(alice, prompt, greeting("v1"));
        Map<String, Object> values = new HashMap<>();
        values.put("name", "<b>Ann & Bob</b>");
        values.put("count", new BigDecimal("5"));
        values.put("shout", Boolean.TRUE);

        // when
        RenderedPrompt rendered = stack.versions.render(alice, prompt, 1, values);

        // then
        assertThat(rendered.promptName()).isEqualTo(prompt);
        assertThat(rendered.version()).isEqualTo(1);
        assertThat(rendered.messages()).containsExactly(
                new Message("system", "You write warm greetings of at most 2 lines."),
                new Message("user", "Greet <b>Ann & Bob</b> in 5 words. LOUDLY!"));
        assertThat(rendered.model()).isEqualTo("openai/gpt-4o-mini");
        assertThat(rendered.parameters().temperature()).isEqualByComparingTo("0.7");
        assertThat(rendered.parameters().stop()).containsExactly("END");
    }

    @Test
    void renderNamesTheMissingTheUndeclaredAndTheMistypedVariablesInOneError() {
        // given
        stack.versions.create(alice, prompt, greeting("v1"));
        Map<String, Object> values = new HashMap<>();
        values.put("count", "five");
        values.put("shout", "yes");
        values.put("colour", "red");

        // when
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> stack.versions.render(alice, prompt, 1, values));

        // then
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder(
                "variables.name", "variables.count", "variables.shout", "variables.colour");
        assertThat(e.violations()).extracting(Violation::message).allSatisfy(m -> assertThat(m)
                .containsAnyOf("'name'", "'count'", "'shout'", "'colour'"));
    }

    @Test
    void renderTakesANumberOnlyAsAJsonNumber() {
        stack.versions.create(alice, prompt, greeting("v1"));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> stack.versions.render(alice, prompt, 1, Map.of("name", "Ann", "count", "3")));

        assertThat(e.violations()).containsExactly(new Violation("variables.count", "'count' must be a number"));
        assertThat(stack.versions.render(alice, prompt, 1, Map.of("name", "Ann", "count", 3)).messages().get(1).content())
                .isEqualTo("Greet Ann in 3 words.");
    }

    @Test
    void diffsTwoVersionsFieldByField() {
        // given
        stack.versions.create(alice, prompt, greeting("v1"));
        VersionInput changed = new VersionInput(
                List.of(new Message("system", "You write {{tone}} greetings of at most {{lines}} lines."),
                        new Message("user", "Greet {{name}} warmly.")),
                List.of(new VariableDeclaration("name", "string", true, null, "who to greet"),
                        new VariableDeclaration("tone", "string", false, "warm", null),
                        new VariableDeclaration("lines", "number", false, 2, null)),
                "anthropic/claude-3.5-haiku",
                new ModelParameters(new BigDecimal("0.2"), 200, null, null, null, List.of("END"), null),
                "v2");
        stack.versions.create(alice, prompt, changed);

        // when
        VersionDiff diff = stack.versions.diff(alice, prompt, 1, 2);

        // then
        // no provider offers the new model, so v2 names none
        assertThat(diff.changes()).extracting(VersionDiff.FieldChange::field).containsExactly(
                "messages[1].content", "variables", "provider", "model", "parameters.temperature", "commitMessage");
        assertThat(diff.changes().get(2).before()).isEqualTo("alpha");
        assertThat(diff.changes().get(2).after()).isNull();
        VersionDiff.FieldChange model = diff.changes().get(3);
        assertThat(model.before()).isEqualTo("openai/gpt-4o-mini");
        assertThat(model.after()).isEqualTo("anthropic/claude-3.5-haiku");
        assertThat(model.unifiedDiff()).containsExactly("--- v1/model", "+++ v2/model", "@@ -1,1 +1,1 @@",
                "-openai/gpt-4o-mini", "+anthropic/claude-3.5-haiku");
        assertThat(stack.versions.diff(alice, prompt, 2, 2).changes()).isEmpty();
        assertNotFound(() -> stack.versions.diff(alice, prompt, 1, 3));
    }

    private List<VersionStatus> statuses() {
        return stack.versions.list(alice, prompt).stream().map(PromptVersion::status).toList().reversed();
    }

    private long auditCount(String action) {
        return stack.count("SELECT count(*) AS n FROM audit_log WHERE owner_id = ?::uuid AND action = ?",
                alice.userId(), action);
    }
}
