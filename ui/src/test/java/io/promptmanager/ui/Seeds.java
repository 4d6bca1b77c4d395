package io.promptmanager.ui;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.analytics.RollupAggregator;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.db.Transactions;
import io.promptmanager.core.execution.Cost;
import io.promptmanager.core.execution.CostSource;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.execution.ExecutionRecorder;
import io.promptmanager.core.execution.ExecutionRepository;
import io.promptmanager.core.execution.ExecutionStatus;
import io.promptmanager.core.execution.Tokens;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.quota.QuotaReservation;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Data for the console's tests, made through core's own services (and its recorder for past runs). */
public final class Seeds {
    /** The one variable of {@link #productionPrompt}. */
    public static final VariableDeclaration TEXT = new VariableDeclaration("text", "string", true, null, "Text to summarise");

    private Seeds() {
    }

    /** A prompt whose version 1 is PRODUCTION, runs {@code model} and asks for {@code text}. */
    public static void productionPrompt(CoreServices core, User owner, String name, String model) {
        Actor actor = Actor.console(owner);
        core.promptService().create(actor, new PromptInput(name, "Summarises a text", null, List.of()));
        core.versionService().create(actor, name, version(model, "Summarise: {{text}}", List.of(TEXT)));
        core.versionService().promote(actor, name, 1);
    }

    public static VersionInput version(String model, String userTemplate, List<VariableDeclaration> variables) {
        return new VersionInput(List.of(new Message("system", "Be concise."), new Message("user", userTemplate)),
                variables, model, ModelParameters.none(), "seeded");
    }

    /** The user, moved to the PRO plan by an administrator. */
    public static User pro(CoreServices core, User user, User admin) {
        return core.userService().update(Actor.console(admin), user.id(), new UserChanges(Plan.PRO, null, null));
    }

    /**
     * Writes past runs as the platform's recorder does (executions, then folded into the analytics
     * rollups); no quota is touched.
     */
    public static void record(TestPlatform platform, List<ExecutionRecord> runs) {
        Transactions transactions = new Transactions(platform.database().dbClient());
        RollupAggregator rollups = platform.services().rollupAggregator();
        try (ExecutionRecorder recorder = ExecutionRecorder.start(transactions, new ExecutionRepository(),
                platform.services().usageService(), rollups::recorded)) {
            runs.forEach(recorder::recordAndWait);
        }
        rollups.fold();
    }

    public static ExecutionRecord succeeded(User user, String prompt, String model, BillingType billing,
                                            long latencyMs, String cost, Instant at) {
        return run(user, prompt, model, billing, ExecutionStatus.SUCCEEDED, null, new Tokens(100, 20),
                new Cost(new BigDecimal(cost), CostSource.PROVIDER), latencyMs, "Done.", at);
    }

    public static ExecutionRecord failed(User user, String prompt, String model, String errorCode, long latencyMs,
                                         Instant at) {
        return run(user, prompt, model, BillingType.SYSTEM, ExecutionStatus.FAILED, errorCode, Tokens.NONE,
                Cost.UNKNOWN, latencyMs, "", at);
    }

    private static ExecutionRecord run(User user, String prompt, String model, BillingType billing,
                                       ExecutionStatus status, String errorCode, Tokens tokens, Cost cost,
                                       long latencyMs, String output, Instant at) {
        return new ExecutionRecord(UUID.randomUUID(), user.id(), prompt, 1, null, "fake", model, Channel.CONSOLE, billing,
                status, errorCode, status == ExecutionStatus.SUCCEEDED ? "stop" : null, tokens, cost, latencyMs,
                status == ExecutionStatus.SUCCEEDED ? "gen-" + UUID.randomUUID() : null, "{\"text\":\"seeded\"}",
                false, output, false, at, new QuotaReservation(user.id(), LocalDate.ofInstant(at, ZoneOffset.UTC), false),
                false);
    }
}
