package io.promptmanager.core.execution;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.Channel;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.model.CatalogModel;
import io.promptmanager.core.model.ModelGateway;
import io.promptmanager.core.plan.PlanCatalog;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.RenderedPrompt;
import io.promptmanager.core.prompt.VersionService;
import io.promptmanager.core.quota.QuotaReservation;
import io.promptmanager.core.quota.UsageService;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * Runs a prompt version for a user: picks the version, renders it strictly, applies the plan's
 * rules (channel, model), takes a quota unit, calls the provider with a deadline and records the
 * run durably before answering. A run that fails upstream is recorded as FAILED and gives its
 * quota unit back, in the same transaction as its record, so exactly once.
 */
public final class ExecutionService {
    private final VersionService versions;
    private final ProviderCall provider;
    private final ModelAccess modelAccess;
    private final CredentialsResolver credentials;
    private final UsageService usage;
    private final PlanCatalog plans;
    private final ExecutionRecorder recorder;
    private final ExecutionSettings settings;
    private final Clock clock;

    public ExecutionService(VersionService versions, ModelGateway gateway, ModelAccess modelAccess,
                            CredentialsResolver credentials, UsageService usage, PlanCatalog plans,
                            ExecutionRecorder recorder, DeadlineWatchdog watchdog, ExecutionSettings settings,
                            Clock clock) {
        this.versions = versions;
        this.provider = new ProviderCall(gateway, watchdog);
        this.modelAccess = modelAccess;
        this.credentials = credentials;
        this.usage = usage;
        this.plans = plans;
        this.recorder = recorder;
        this.settings = settings;
        this.clock = clock;
    }

    /** Runs without streaming; see {@link #run(Actor, String, ExecutionRequest, StreamListener)}. */
    public ExecutionResult run(Actor actor, String promptName, ExecutionRequest request) {
        return run(actor, promptName, request, null);
    }

    /**
     * Runs a version of the actor's prompt on the actor's channel, on the version's model or the
     * one the request names; needs executions:run. When {@code request.stream()} is true the text
     * is passed to {@code listener} (if not null) as it arrives. Fails with NOT_FOUND (prompt, version, or no PRODUCTION version), VALIDATION_FAILED
     * (variables, or a model no provider offers), PLAN_REQUIRED (channel or model not in the plan),
     * QUOTA_EXCEEDED (a RetryLaterException until the next UTC midnight) or a PROVIDER_* code. An
     * exception thrown by the listener ends the run and is rethrown as is.
     */
    public ExecutionResult run(Actor actor, String promptName, ExecutionRequest request, StreamListener listener) {
        actor.requireScope(Scope.EXECUTIONS_RUN);
        requireChannel(actor);
        Actor reader = reader(actor);
        RenderedPrompt rendered = request.version() != null
                ? versions.render(reader, promptName, request.version(), request.variables())
                : versions.renderProduction(reader, promptName, request.variables());
        CatalogModel model = request.model() != null
                ? modelAccess.requireAllowed(actor, request.provider(), request.model())
                : modelAccess.requireAllowed(actor, rendered.provider(), rendered.model());
        ResolvedCredentials key = credentials.resolve(actor, model);
        QuotaReservation reservation = usage.reserve(actor.userId(), actor.plan());
        Run run = new Run(actor, rendered, model, key, reservation, request, now());
        return execute(run, request.stream() ? listener == null ? text -> { } : listener : null);
    }

    private ExecutionResult execute(Run run, StreamListener listener) {
        CompletionRequest completion = new CompletionRequest(run.model.id(), messages(run.rendered),
                parameters(run.rendered.parameters()), run.key.credentials(),
                // the provider measures its deadline against real time, whatever clock core runs on
                Instant.now().plus(settings.timeout()), run.id.toString());
        long started = System.nanoTime();
        CompletionResult result;
        try {
            result = provider.run(run.model.providerId(), completion, listener);
        } catch (ProviderException e) {
            DomainException failure = ProviderFailures.toDomain(e, run.key.billingType(), settings.timeout());
            recorder.recordAndWait(run.failed(failure.code().name(), millisSince(started), false));
            throw failure;
        } catch (ProviderCall.ListenerFailure e) {
            recorder.recordAndWait(run.failed(ExecutionRecord.CLIENT_DISCONNECTED, millisSince(started), true));
            throw e.listenerException();
        } catch (RuntimeException e) {
            recorder.recordAndWait(run.failed(ErrorCode.INTERNAL_ERROR.name(), millisSince(started), false));
            throw e;
        }
        long latencyMs = millisSince(started);
        Cost cost = Cost.of(result.usage(), run.model.info().pricing());
        Tokens tokens = new Tokens(result.usage().promptTokens(), result.usage().completionTokens());
        recorder.recordAndWait(run.succeeded(result, tokens, cost, latencyMs));
        return new ExecutionResult(run.id, run.rendered.promptName(), run.rendered.version(), run.model.providerId(),
                run.model.id(), result.text(), result.finishReason(), tokens, cost, run.key.billingType(),
                Duration.ofMillis(latencyMs), run.createdAt);
    }

    private void requireChannel(Actor actor) {
        boolean allowed = plans.entitlements(actor.plan()).executionChannels().contains(actor.channel())
                // administrators use the API whatever their plan, as at authentication
                || (actor.channel() == Channel.API && actor.isAdmin());
        if (!allowed) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED, "Running prompts through the "
                    + actor.channel() + " requires the PRO plan");
        }
    }

    /** Running a prompt reads it, whatever read scope the key was given. */
    private static Actor reader(Actor actor) {
        if (actor.scopes().contains(Scope.PROMPTS_READ)) {
            return actor;
        }
        EnumSet<Scope> scopes = EnumSet.of(Scope.PROMPTS_READ);
        scopes.addAll(actor.scopes());
        return new Actor(actor.userId(), actor.role(), actor.plan(), actor.channel(), actor.apiKeyId(), scopes);
    }

    private static List<ChatMessage> messages(RenderedPrompt rendered) {
        return rendered.messages().stream().map(m -> new ChatMessage(m.role(), m.content())).toList();
    }

    private static GenerationParameters parameters(ModelParameters p) {
        if (p == null) {
            return GenerationParameters.defaults();
        }
        return new GenerationParameters(p.temperature(), p.maxTokens(), p.topP(), p.frequencyPenalty(),
                p.presencePenalty(), p.stop(), p.seed());
    }

    private static long millisSince(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What one run knows before the provider answers. */
    private static final class Run {
        final UUID id = UUID.randomUUID();
        final Actor actor;
        final RenderedPrompt rendered;
        final CatalogModel model;
        final ResolvedCredentials key;
        final QuotaReservation reservation;
        final ExecutionRequest request;
        final Instant createdAt;

        Run(Actor actor, RenderedPrompt rendered, CatalogModel model, ResolvedCredentials key,
            QuotaReservation reservation, ExecutionRequest request, Instant createdAt) {
            this.actor = actor;
            this.rendered = rendered;
            this.model = model;
            this.key = key;
            this.reservation = reservation;
            this.request = request;
            this.createdAt = createdAt;
        }

        ExecutionRecord succeeded(CompletionResult result, Tokens tokens, Cost cost, long latencyMs) {
            return record(ExecutionStatus.SUCCEEDED, null, result.finishReason(), tokens, cost, latencyMs,
                    result.providerRequestId(), result.text(), true);
        }

        ExecutionRecord failed(String errorCode, long latencyMs, boolean consumesQuota) {
            return record(ExecutionStatus.FAILED, errorCode, null, Tokens.NONE, Cost.UNKNOWN, latencyMs, null, "",
                    consumesQuota);
        }

        private ExecutionRecord record(ExecutionStatus status, String errorCode, String finishReason, Tokens tokens,
                                       Cost cost, long latencyMs, String providerRequestId, String output,
                                       boolean consumesQuota) {
            StoredText.Capped variables = StoredText.variables(request.variables());
            StoredText.Capped text = StoredText.output(output);
            return new ExecutionRecord(id, actor.userId(), rendered.promptName(), rendered.version(),
                    rendered.versionId(), model.providerId(), model.id(), actor.channel(), key.billingType(), status,
                    errorCode, finishReason, tokens, cost, latencyMs, providerRequestId, variables.text(),
                    variables.truncated(), text.text(), text.truncated(), createdAt, reservation, consumesQuota);
        }
    }
}
