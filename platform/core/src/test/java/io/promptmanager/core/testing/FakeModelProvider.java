package io.promptmanager.core.testing;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.KeyCheck;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelPricing;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.StreamListener;
import io.promptmanager.plugin.model.TokenUsage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model provider offering three OpenRouter-like models that behaves as tests script it, following the ModelProvider contract: it
 * answers after a delay, streams its text in word deltas, fails with each kind of
 * ProviderException (before or in the middle of a stream), honours the request's deadline or
 * (to test the platform's safety net) ignores it. Answers are taken from a queue of scripted
 * ones, then from the default.
 */
public final class FakeModelProvider implements ModelProvider {
    public static final String ID = "fake";
    /** Free: FREE users may run it. */
    public static final String FREE_MODEL = "meta-llama/llama-3.3-70b-instruct:free";
    /** Priced: $0.000001 per prompt token, $0.000002 per completion token, $0.0001 per request. */
    public static final String PREMIUM_MODEL = "openai/gpt-4o-mini";
    /** Variable prices (unknown): its cost can never be estimated. */
    public static final String VARIABLE_MODEL = "openrouter/auto";
    public static final ModelPricing PREMIUM_PRICING = new ModelPricing(new BigDecimal("0.000001"),
            new BigDecimal("0.000002"), new BigDecimal("0.0001"));

    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final List<CompletionRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final String id;
    private volatile java.util.function.Function<Credentials, KeyCheck> keyCheck =
            credentials -> new KeyCheck(true, "fake key", null, false);
    private volatile Answer fallback = Answer.reply("Hello from the fake model", usage(10, 5, null));

    /** What the provider does with one call. */
    @FunctionalInterface
    public interface Answer {
        /** @param listener null for a non-streamed call */
        CompletionResult answer(CompletionRequest request, StreamListener listener) throws InterruptedException;

        /** Answers {@code text} (streamed word by word) with {@code usage}. */
        static Answer reply(String text, TokenUsage usage) {
            return (request, listener) -> {
                if (listener != null) {
                    for (String delta : deltas(text)) {
                        listener.onDelta(delta);
                    }
                }
                return new CompletionResult(text, "stop", usage, "gen-" + request.requestId(), request.model());
            };
        }

        /** Waits {@code delay} (never past the deadline), then answers like {@link #reply}. */
        static Answer after(Duration delay, Answer then) {
            return (request, listener) -> {
                sleepUntil(Instant.now().plus(delay), request);
                return then.answer(request, listener);
            };
        }

        /** Fails before any delta. */
        static Answer fail(ProviderException.Kind kind, int upstreamStatus, Duration retryAfter) {
            return (request, listener) -> {
                throw new ProviderException(kind, "fake " + kind.name().toLowerCase() + " failure",
                        kind == ProviderException.Kind.UNAVAILABLE || kind == ProviderException.Kind.RATE_LIMITED,
                        retryAfter, false, upstreamStatus, null);
            };
        }

        static Answer fail(ProviderException.Kind kind) {
            return fail(kind, 0, null);
        }

        /** Streams the first words of {@code text}, then reports an error in the middle of the stream. */
        static Answer failMidStream(String text) {
            return (request, listener) -> {
                List<String> deltas = deltas(text);
                if (listener != null) {
                    for (String delta : deltas.subList(0, Math.max(1, deltas.size() / 2))) {
                        listener.onDelta(delta);
                    }
                }
                throw new ProviderException(ProviderException.Kind.STREAM_ERROR, "fake error in the middle of the stream",
                        false, null, listener != null, 200, null);
            };
        }

        /** Never answers: waits for the request's deadline and then fails with TIMEOUT, as the contract asks. */
        static Answer waitForDeadline() {
            return (request, listener) -> {
                sleepUntil(request.deadline().plusSeconds(1), request);
                throw new IllegalStateException("unreachable");
            };
        }

        /** Never answers and ignores the deadline: only an interrupt ends it (a broken plugin). */
        static Answer hang() {
            return (request, listener) -> {
                Thread.sleep(Duration.ofHours(1));
                throw new IllegalStateException("unreachable");
            };
        }
    }

    public FakeModelProvider() {
        this(ID);
    }

    /** A fake provider under another id, e.g. {@code openrouter} for BYOK tests. */
    public FakeModelProvider(String id) {
        this.id = id;
    }

    /** How later key checks answer (they may throw a ProviderException). */
    public void checksKeysWith(java.util.function.Function<Credentials, KeyCheck> check) {
        keyCheck = check;
    }

    public static TokenUsage usage(long promptTokens, long completionTokens, BigDecimal cost) {
        return new TokenUsage(promptTokens, completionTokens, cost, false, null);
    }

    /** Every later call answers this way (after the scripted answers are used up). */
    public void willAlways(Answer answer) {
        fallback = answer;
    }

    /** The next calls answer these ways, in order. */
    public void willNext(Answer... answers) {
        scripted.addAll(List.of(answers));
    }

    /** Back to the default answer, with nothing scripted and no request remembered. */
    public void reset() {
        scripted.clear();
        requests.clear();
        maxInFlight.set(0);
        fallback = Answer.reply("Hello from the fake model", usage(10, 5, null));
        keyCheck = credentials -> new KeyCheck(true, "fake key", null, false);
    }

    /** Every request received, in order. */
    public List<CompletionRequest> requests() {
        return List.copyOf(requests);
    }

    /** The most calls that were running at the same time. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Fake provider";
    }

    @Override
    public void start(PluginSettings settings) {
    }

    @Override
    public List<ModelInfo> models() {
        return List.of(
                new ModelInfo(FREE_MODEL, "Free model", 8192,
                        new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), true),
                new ModelInfo(PREMIUM_MODEL, "Premium model", 128_000, PREMIUM_PRICING, false),
                new ModelInfo(VARIABLE_MODEL, "Variable-price model", 32_000, new ModelPricing(null, null, null), false));
    }

    @Override
    public CompletionResult complete(CompletionRequest request) {
        return call(request, null);
    }

    @Override
    public CompletionResult stream(CompletionRequest request, StreamListener listener) {
        return call(request, listener);
    }

    @Override
    public KeyCheck checkKey(Credentials credentials) {
        return keyCheck.apply(credentials);
    }

    private CompletionResult call(CompletionRequest request, StreamListener listener) {
        requests.add(request);
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Answer answer = scripted.poll();
            return (answer == null ? fallback : answer).answer(request, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(ProviderException.Kind.INTERNAL, "interrupted", false);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private static List<String> deltas(String text) {
        return List.of(text.split("(?<= )"));
    }

    /** Sleeps until {@code until}, or fails with TIMEOUT at the deadline when that comes first. */
    private static void sleepUntil(Instant until, CompletionRequest request) throws InterruptedException {
        boolean timesOut = until.isAfter(request.deadline());
        long millis = Duration.between(Instant.now(), timesOut ? request.deadline() : until).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
        if (timesOut) {
            throw new ProviderException(ProviderException.Kind.TIMEOUT, "no answer before the deadline", true);
        }
    }
}
