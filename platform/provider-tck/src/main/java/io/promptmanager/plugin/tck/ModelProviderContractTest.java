package io.promptmanager.plugin.tck;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The contract every {@link ModelProvider} plugin must meet, run in the plugin's own build. A
 * plugin's test extends this class and supplies a fresh provider ({@link #newProvider()}) and a
 * fake upstream it can script ({@link #startUpstream()}); every test here then starts the
 * provider with {@link Upstream#settings(String)} and checks, through the plugin API only:
 * <ul>
 *   <li>its id is lower-kebab and its catalogue well formed (unique ids, non-negative prices, a
 *       model whose prices are all zero is free, a free model has known prices);</li>
 *   <li>a completion returns the upstream's text and usage; a stream delivers the deltas in order
 *       on the calling thread and returns the final usage once, at the end;</li>
 *   <li>upstream failures map to the documented kinds (401, 402, 429 with its wait, 503, an
 *       unreadable answer), a silent upstream fails with TIMEOUT at the request's deadline, and
 *       no exception ever shows the key of the call — the platform's or a user's;</li>
 *   <li>starting without a required setting fails with a {@link PluginConfigurationException}
 *       naming it ({@link #requiredSettings()}).</li>
 * </ul>
 * Each test has 60 seconds; a provider that ignores deadlines fails rather than hangs.
 */
@Timeout(60)
public abstract class ModelProviderContractTest {
    private static final Pattern LOWER_KEBAB = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final Duration SHORT_DEADLINE = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    /** The platform's key the provider is configured with; a fresh one per test. */
    protected final String systemKey = "tck-system-" + UUID.randomUUID();
    /** A user's own key, sent with some calls; a fresh one per test. */
    protected final String userKey = "tck-user-" + UUID.randomUUID();

    private final AtomicInteger requests = new AtomicInteger();
    private final List<ModelProvider> started = new ArrayList<>();
    private Upstream upstream;

    /**
     * A new provider, not started, as the platform would create it (the plugin's extension class
     * through its public no-argument constructor, or a test constructor with shorter pauses).
     */
    protected abstract ModelProvider newProvider();

    /** Starts a new fake upstream; called before each test and closed after it. */
    protected abstract Upstream startUpstream();

    /**
     * The settings the provider cannot start without (keys relative to its subtree). Each is left
     * out in turn, and the start must fail naming it. Default: none.
     */
    protected Set<String> requiredSettings() {
        return Set.of();
    }

    /** How late past a deadline a TIMEOUT may arrive. Default: 2 seconds. */
    protected Duration timeoutTolerance() {
        return Duration.ofSeconds(2);
    }

    /** The upstream of the running test. */
    protected final Upstream upstream() {
        return upstream;
    }

    /** A provider started on the upstream's settings; stopped after the test. */
    protected final ModelProvider startedProvider() {
        ModelProvider provider = newProvider();
        started.add(provider);
        provider.start(new MapSettings(upstream.settings(systemKey)));
        return provider;
    }

    /** A request for the upstream's model, due {@code timeLeft} from now. */
    protected final CompletionRequest request(Credentials credentials, Duration timeLeft) {
        return new CompletionRequest(upstream.model(),
                List.of(new ChatMessage("system", "You answer in one sentence."),
                        new ChatMessage("user", "What is the capital of France?")),
                GenerationParameters.defaults(), credentials, Instant.now().plus(timeLeft),
                "tck-" + requests.incrementAndGet());
    }

    @BeforeEach
    final void startTheUpstream() {
        upstream = startUpstream();
    }

    @AfterEach
    final void stopEverything() {
        started.reversed().forEach(ModelProvider::stop);
        upstream.close();
    }

    @Test
    void hasALowerKebabIdAndADisplayName() {
        ModelProvider provider = newProvider();

        assertThat(provider.id()).matches(LOWER_KEBAB);
        assertThat(provider.displayName()).isNotBlank();
    }

    @Test
    void catalogueHasUniqueIdsNonNegativePricesAndAFreeFlagConsistentWithThem() {
        List<ModelInfo> models = startedProvider().models();

        assertThat(models).isNotNull().extracting(ModelInfo::id).contains(upstream.model());
        SoftAssertions softly = new SoftAssertions();
        Set<String> seen = new HashSet<>();
        for (ModelInfo model : models) {
            String id = model.id();
            softly.assertThat(id).as("a model id").isNotBlank();
            softly.assertThat(seen.add(id)).as("%s is listed once", id).isTrue();
            softly.assertThat(model.name()).as("name of %s", id).isNotNull();
            softly.assertThat(model.contextLength()).as("context length of %s", id).isNotNegative();
            softly.assertThat(model.pricing()).as("pricing of %s", id).isNotNull();
            if (model.pricing() == null) {
                continue;
            }
            for (BigDecimal price : prices(model)) {
                softly.assertThat(price == null || price.signum() >= 0).as("prices of %s are null or ≥ 0", id).isTrue();
            }
            boolean zeroPrices = isZero(model.pricing().prompt()) && isZero(model.pricing().completion())
                    && (model.pricing().request() == null || isZero(model.pricing().request()));
            if (zeroPrices) {
                softly.assertThat(model.free()).as("%s costs nothing, so it is free", id).isTrue();
            }
            if (model.free()) {
                softly.assertThat(model.pricing().prompt() != null && model.pricing().completion() != null)
                        .as("%s is free, so its prices are known", id).isTrue();
            }
        }
        softly.assertAll();
    }

    @Test
    void completionReturnsTheUpstreamTextAndUsage() {
        ModelProvider provider = startedProvider();
        upstream.completeWith("Paris is the capital of France.", 23, 8);

        CompletionResult result = provider.complete(request(Credentials.system(), DEADLINE));

        assertThat(result.text()).isEqualTo("Paris is the capital of France.");
        assertThat(result.usage()).isNotNull();
        assertThat(result.usage().promptTokens()).isEqualTo(23);
        assertThat(result.usage().completionTokens()).isEqualTo(8);
        assertThat(result.usage().cost()).satisfiesAnyOf(cost -> assertThat(cost).isNull(),
                cost -> assertThat(cost).isNotNegative());
    }

    @Test
    void completionRunsOnAUserKeyToo() {
        ModelProvider provider = startedProvider();
        upstream.completeWith("Paris.", 23, 2);

        CompletionResult result = provider.complete(request(Credentials.user(userKey), DEADLINE));

        assertThat(result.text()).isEqualTo("Paris.");
    }

    @Test
    void streamDeliversTheDeltasInOrderOnTheCallingThreadThenTheFinalUsage() {
        ModelProvider provider = startedProvider();
        List<String> deltas = List.of("Paris", " is the", " capital", " of France.");
        upstream.streamWith(deltas, 23, 8);
        List<String> received = new ArrayList<>();
        Set<Thread> threads = new HashSet<>();

        CompletionResult result = provider.stream(request(Credentials.system(), DEADLINE), delta -> {
            threads.add(Thread.currentThread());
            received.add(delta);
        });
        int deliveredWhenReturned = received.size();

        assertThat(received).containsExactlyElementsOf(deltas);
        assertThat(threads).containsExactly(Thread.currentThread());
        assertThat(result.text()).isEqualTo(String.join("", deltas));
        assertThat(result.usage().promptTokens()).isEqualTo(23);
        assertThat(result.usage().completionTokens()).isEqualTo(8);
        assertThat(received).as("nothing delivered after the final result").hasSize(deliveredWhenReturned);
    }

    @Test
    void rejectedKeyIsInvalidCredentialsAndTheKeyIsNotShown() {
        ModelProvider provider = startedProvider();
        upstream.failWith(401, "Incorrect API key provided: " + systemKey, null);

        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
        assertThat(e.retryable()).isFalse();
        assertThat(e.upstreamStatus()).isEqualTo(401);
    }

    @Test
    void rejectedUserKeyIsInvalidCredentialsAndTheUserKeyIsNotShown() {
        ModelProvider provider = startedProvider();
        upstream.failWith(401, "Incorrect API key provided: " + userKey, null);

        ProviderException e = failure(() -> provider.complete(request(Credentials.user(userKey), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.INVALID_CREDENTIALS);
    }

    @Test
    void paymentRequiredIsInsufficientCredits() {
        ModelProvider provider = startedProvider();
        upstream.failWith(402, "Insufficient credits for key " + systemKey, null);

        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.INSUFFICIENT_CREDITS);
        assertThat(e.retryable()).isFalse();
    }

    @Test
    void tooManyRequestsIsRateLimitedWithTheUpstreamWait() {
        ModelProvider provider = startedProvider();
        upstream.failWith(429, "Rate limit reached for key " + systemKey, RETRY_AFTER);

        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(RETRY_AFTER);
    }

    @Test
    void serviceUnavailableIsUnavailableAndRetryable() {
        ModelProvider provider = startedProvider();
        upstream.failWith(503, "The server is overloaded; key " + systemKey, null);

        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.retryable()).isTrue();
    }

    @Test
    void streamRefusedBeforeItStartsSaysSo() {
        ModelProvider provider = startedProvider();
        upstream.failWith(503, "The server is overloaded; key " + userKey, null);
        List<String> received = new ArrayList<>();

        ProviderException e = failure(() -> provider.stream(request(Credentials.user(userKey), DEADLINE), received::add));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.streamStarted()).isFalse();
        assertThat(received).isEmpty();
    }

    @Test
    void unreadableAnswerIsMalformedResponse() {
        ModelProvider provider = startedProvider();
        upstream.sendGarbage();

        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_RESPONSE);
    }

    @Test
    void silentUpstreamTimesOutAtTheDeadline() {
        ModelProvider provider = startedProvider();
        upstream.hang();

        long start = System.nanoTime();
        ProviderException e = failure(() -> provider.complete(request(Credentials.system(), SHORT_DEADLINE)));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT_DEADLINE.plus(timeoutTolerance()));
    }

    @Test
    void silentUpstreamTimesOutAStreamAtTheDeadline() {
        ModelProvider provider = startedProvider();
        upstream.hang();

        long start = System.nanoTime();
        ProviderException e = failure(() -> provider.stream(request(Credentials.system(), SHORT_DEADLINE), delta -> { }));

        assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(SHORT_DEADLINE.plus(timeoutTolerance()));
    }

    @Test
    void startsWithTheUpstreamSettingsAndRefusesToStartWithoutEachRequiredSetting() {
        Map<String, String> complete = upstream.settings(systemKey);
        assertThat(complete.keySet()).as("settings of the upstream").containsAll(requiredSettings());
        assertThat(startedProvider().models()).isNotEmpty();

        SoftAssertions softly = new SoftAssertions();
        for (String key : requiredSettings()) {
            Map<String, String> without = new HashMap<>(complete);
            without.remove(key);
            ModelProvider provider = newProvider();
            Throwable thrown = catchThrowable(() -> provider.start(new MapSettings(without)));
            if (thrown == null) {
                started.add(provider);
            }
            softly.assertThat(thrown).as("start without %s", key).isInstanceOf(PluginConfigurationException.class);
            if (thrown instanceof PluginConfigurationException refused) {
                softly.assertThat(refused.key()).as("the key named when %s is missing", key).isEqualTo(key);
                softly.assertThat(refused.getMessage()).contains(key);
                Secrets.assertNotShown(softly, thrown, values(without));
            }
        }
        softly.assertAll();
    }

    /** The failure of {@code call}, which must be a ProviderException showing neither key. */
    private ProviderException failure(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("the call must fail with a ProviderException").isInstanceOf(ProviderException.class);
        ProviderException e = (ProviderException) thrown;
        assertThat(e.kind()).as("the failure's kind").isNotNull();
        SoftAssertions softly = new SoftAssertions();
        Secrets.assertNotShown(softly, e, List.of(systemKey, userKey));
        softly.assertAll();
        return e;
    }

    private static List<String> values(Map<String, String> settings) {
        return settings.values().stream().filter(value -> value != null && value.strip().length() >= 8).toList();
    }

    private static List<BigDecimal> prices(ModelInfo model) {
        List<BigDecimal> prices = new ArrayList<>();
        prices.add(model.pricing().prompt());
        prices.add(model.pricing().completion());
        prices.add(model.pricing().request());
        return prices;
    }

    private static boolean isZero(BigDecimal price) {
        return price != null && price.signum() == 0;
    }
}
