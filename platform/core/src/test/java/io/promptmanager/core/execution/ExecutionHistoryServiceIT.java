package io.promptmanager.core.execution;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Page;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.db.Database;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.AccountsFixture;
import io.promptmanager.core.testing.TestDatabase;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ExecutionHistoryServiceIT {
    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static Database database;
    private static ExecutionHistoryService history;
    private static Actor owner;
    private static Actor other;
    private static final List<ExecutionRecord> recorded = new ArrayList<>();

    @BeforeAll
    static void recordRuns() {
        database = TestDatabase.fresh();
        AccountsFixture accounts = new AccountsFixture(database, Clock.systemUTC());
        accounts.users.ensureInitialAdmin("root@example.com", "admin-password-0001");
        Actor admin = Actor.console(accounts.users.firstAdmin().orElseThrow());
        owner = Actor.console(accounts.users.create(admin, new NewUser("o@example.com", "a long enough password", "O",
                Plan.PRO, null)));
        other = Actor.console(accounts.users.create(admin, new NewUser("x@example.com", "a long enough password", "X",
                Plan.PRO, null)));
        Transactions transactions = new Transactions(database.dbClient());
        history = new ExecutionHistoryService(transactions, new ExecutionRepository());
        // 25 runs an hour apart: every 5th failed, every 3rd BYOK, prompts alternate
        for (int i = 0; i < 25; i++) {
            Instant at = START.plusSeconds(3600L * i);
            String prompt = i % 2 == 0 ? "even" : "odd";
            recorded.add(i % 5 == 4 ? Records.failed(owner.userId(), prompt, "PROVIDER_TIMEOUT", 10, at)
                    : Records.succeeded(owner.userId(), prompt, 1, i % 2 == 0 ? "m/a" : "m/b",
                    i % 3 == 0 ? BillingType.BYOK : BillingType.SYSTEM, 10, new BigDecimal("0.01"), at));
        }
        recorded.add(Records.succeeded(other.userId(), "even", 1, "m/a", BillingType.SYSTEM, 10, BigDecimal.ONE, START));
        try (ExecutionRecorder recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(),
                accounts.usage, () -> { })) {
            recorded.forEach(recorder::recordAndWait);
        }
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void pagesTheOwnersRunsNewestFirstWithoutVariablesOrOutput() {
        List<Execution> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<Execution> page = history.list(owner, ExecutionFilter.NONE, new PageRequest(10, cursor));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(all).hasSize(25);
        assertThat(all.getFirst().createdAt()).isEqualTo(START.plusSeconds(3600L * 24));
        assertThat(all).isSortedAccordingTo((a, b) -> b.createdAt().compareTo(a.createdAt()));
        assertThat(all).extracting(Execution::output).containsOnlyNulls();
        assertThat(all).extracting(Execution::variables).containsOnlyNulls();
    }

    @Test
    void filtersByPromptStatusBillingTypeModelAndTime() {
        assertThat(list(new ExecutionFilter("even", null, null, null, null, null))).hasSize(13);
        assertThat(list(new ExecutionFilter(null, ExecutionStatus.FAILED, null, null, null, null)))
                .hasSize(5).extracting(Execution::errorCode).containsOnly("PROVIDER_TIMEOUT");
        assertThat(list(new ExecutionFilter(null, ExecutionStatus.SUCCEEDED, BillingType.BYOK, null, null, null)))
                .hasSize(7);
        assertThat(list(new ExecutionFilter(null, null, null, "m/b", null, null))).hasSize(10);
        assertThat(list(new ExecutionFilter(null, null, null, null, START.plusSeconds(3600 * 10),
                START.plusSeconds(3600 * 12)))).extracting(Execution::createdAt)
                .containsExactly(START.plusSeconds(3600 * 11), START.plusSeconds(3600 * 10));
    }

    @Test
    void readsOneRunWithItsVariablesAndOutputButNeverAnotherUsersRun() {
        ExecutionRecord first = recorded.getFirst();
        ExecutionRecord theirs = recorded.getLast();

        Execution read = history.get(owner, first.id());
        DomainException notFound = catchThrowableOfType(DomainException.class, () -> history.get(owner, theirs.id()));

        assertThat(read.output()).isEqualTo("output");
        assertThat(read.variables()).containsEntry("text", "x");
        assertThat(read.cost().amount()).isEqualByComparingTo("0.01");
        assertThat(read.promptId()).isNull(); // no such prompt exists in this database
        assertThat(notFound.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(catchThrowableOfType(DomainException.class, () -> history.get(owner, UUID.randomUUID())).code())
                .isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void exportsTheFilteredRunsNewestFirst() {
        ExecutionHistoryService.ExecutionExport export = history.export(owner,
                new ExecutionFilter("odd", null, null, null, null, null));

        assertThat(export.truncated()).isFalse();
        assertThat(export.rows()).hasSize(12).extracting(Execution::promptName).containsOnly("odd");
    }

    @Test
    void needsTheAnalyticsReadScope() {
        Actor runner = new Actor(owner.userId(), owner.role(), owner.plan(), Channel.API, UUID.randomUUID(),
                EnumSet.of(Scope.EXECUTIONS_RUN, Scope.PROMPTS_READ));

        assertThat(catchThrowableOfType(DomainException.class,
                () -> history.list(runner, ExecutionFilter.NONE, PageRequest.firstPage())).code())
                .isEqualTo(ErrorCode.SCOPE_REQUIRED);
    }

    private static List<Execution> list(ExecutionFilter filter) {
        return history.list(owner, filter, PageRequest.first(100)).items();
    }
}
