package io.promptmanager.core.model;

import io.promptmanager.core.testing.LogRecords;
import io.promptmanager.core.testing.StaticModelProvider;
import io.promptmanager.plugin.model.ChatMessage;
import io.promptmanager.plugin.model.CompletionRequest;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.GenerationParameters;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;
import io.promptmanager.plugin.model.StreamListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.promptmanager.core.testing.StaticModelProvider.free;
import static io.promptmanager.core.testing.StaticModelProvider.premium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The registry between core and the providers: translation, timing, logging and the merged catalogue. */
class ProviderRegistryTest {
    private static final String USER_KEY = "sk-or-user-0123456789abcdef";
    private static final String PROMPT = "my very private prompt text";

    private LogRecords logs;

    @BeforeEach
    void captureLogs() {
        logs = LogRecords.capture();
    }

    @AfterEach
    void releaseLogs() {
        logs.close();
    }

    @Test
    void turnsAnythingButAProviderExceptionIntoAnInternalOneAndLogsTheCauseWithoutTheKey() {
        ProviderRegistry registry = new ProviderRegistry(List.of(new Behaving("flaky") {
            @Override
            public CompletionResult complete(CompletionRequest request) {
                throw new IllegalStateException("parser bug near " + USER_KEY);
            }
        }));

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> registry.complete("flaky", request("paid/model")));

        assertThat(failure.kind()).isEqualTo(Kind.INTERNAL);
        assertThat(failure.getMessage()).isEqualTo("The flaky provider failed unexpectedly");
        assertThat(failure.retryable()).isFalse();
        LogRecord logged = only(Level.WARNING);
        assertThat(logs.message(logged)).contains("flaky complete model=paid/model request=run-1");
        assertThat(logged.getThrown()).isNotNull();
        assertThat(logs.text()).contains("IllegalStateException: parser bug near ****")
                .doesNotContain(USER_KEY).doesNotContain(PROMPT);
    }

    @Test
    void passesAProviderExceptionThroughAndLogsItsKindModelAndDuration() {
        ProviderException refused = new ProviderException(Kind.UNAVAILABLE, "OpenRouter is down", true,
                Duration.ofSeconds(3), false, 503, null);
        ProviderRegistry registry = new ProviderRegistry(List.of(new Behaving("down") {
            @Override
            public CompletionResult complete(CompletionRequest request) {
                throw refused;
            }
        }));

        assertThatThrownBy(() -> registry.complete("down", request("paid/model"))).isSameAs(refused);

        assertThat(logs.message(only(Level.WARNING)))
                .matches("down complete model=paid/model request=run-1 failed after \\d+ ms: UNAVAILABLE \\(HTTP 503\\), "
                        + "retryable — OpenRouter is down");
    }

    @Test
    void logsARefusalCausedByTheCallerAtInfoWithoutAModerationMessage() {
        ProviderRegistry registry = new ProviderRegistry(List.of(new Behaving("strict") {
            @Override
            public CompletionResult complete(CompletionRequest request) {
                throw new ProviderException(Kind.BLOCKED, "flagged input: " + PROMPT, false);
            }
        }));

        assertThatThrownBy(() -> registry.complete("strict", request("paid/model"))).isInstanceOf(ProviderException.class);

        assertThat(logs.atLeast(Level.WARNING)).isEmpty();
        assertThat(logs.message(only(Level.INFO))).contains("BLOCKED").doesNotContain(PROMPT);
    }

    @Test
    void timesEveryCallAtFineAndSlowOnesAtInfo() {
        StaticModelProvider provider = new StaticModelProvider("static", List.of(free("f/model")));

        new ProviderRegistry(List.of(provider), Duration.ZERO, Duration.ofHours(1)).complete("static", request("f/model"));
        new ProviderRegistry(List.of(provider), Duration.ZERO, Duration.ZERO).complete("static", request("f/model"));

        List<LogRecord> calls = logs.records().stream().filter(r -> logs.message(r).startsWith("static complete")).toList();
        assertThat(calls).extracting(LogRecord::getLevel).containsExactly(Level.FINE, Level.INFO);
        assertThat(logs.message(calls.get(1))).matches("static complete model=f/model request=run-1 took \\d+ ms \\(slow\\)");
        assertThat(logs.text()).doesNotContain(PROMPT).doesNotContain(USER_KEY);
    }

    @Test
    void refusesAnUnknownProviderAsABadRequest() {
        ProviderRegistry registry = new ProviderRegistry(List.of());

        ProviderException failure = catchThrowableOfType(ProviderException.class,
                () -> registry.checkKey("nowhere", Credentials.system()));

        assertThat(failure.kind()).isEqualTo(Kind.BAD_REQUEST);
        assertThat(failure.getMessage()).contains("nowhere");
    }

    @Test
    void treatsANullResultAsABugOfThePlugin() {
        ProviderRegistry registry = new ProviderRegistry(List.of(new Behaving("empty") {
            @Override
            public CompletionResult complete(CompletionRequest request) {
                return null;
            }
        }));

        assertThat(catchThrowableOfType(ProviderException.class, () -> registry.complete("empty", request("m"))).kind())
                .isEqualTo(Kind.INTERNAL);
    }

    @Test
    void letsTheListenersOwnExceptionLeaveAStreamUnchanged() {
        ProviderRegistry registry = new ProviderRegistry(List.of(new StaticModelProvider("static", List.of())));
        IllegalStateException clientGone = new IllegalStateException("client disconnected");
        StreamListener listener = delta -> {
            throw clientGone;
        };

        assertThatThrownBy(() -> registry.stream("static", request("m"), listener)).isSameAs(clientGone);
        assertThat(logs.atLeast(Level.WARNING)).isEmpty();
    }

    @Test
    void aFailingCatalogueHidesNoOtherProvidersModelsAndIsLoggedOnceWhileItFails() {
        ProviderRegistry registry = new ProviderRegistry(List.of(
                new StaticModelProvider("alpha", List.of(premium("a/paid", "0.000001", "0.000002"), free("a/free"))),
                new Behaving("beta") {
                    @Override
                    public List<ModelInfo> models() {
                        throw new ProviderException(Kind.UNAVAILABLE, "catalogue unreachable", true);
                    }
                },
                new Behaving("gamma") {
                    @Override
                    public List<ModelInfo> models() {
                        throw new NullPointerException("oops");
                    }
                }), Duration.ZERO);

        List<CatalogModel> first = registry.all();
        List<CatalogModel> second = registry.all();

        assertThat(first).extracting(CatalogModel::id).containsExactly("a/free", "a/paid");
        assertThat(second).isEqualTo(first);
        assertThat(registry.isComplete()).isFalse();
        assertThat(logs.atLeast(Level.WARNING)).extracting(logs::message)
                .hasSize(2)
                .anySatisfy(m -> assertThat(m).startsWith("The beta catalogue failed").contains("UNAVAILABLE"))
                .anySatisfy(m -> assertThat(m).startsWith("The gamma catalogue failed").contains("NullPointerException"));
    }

    @Test
    void mergesCataloguesSortedByIdThenProviderKeepingEachProvidersOfferOfASharedId() {
        ProviderRegistry registry = new ProviderRegistry(List.of(
                new StaticModelProvider("zeta", List.of(free("shared/model"), free("z/model"))),
                new StaticModelProvider("alpha", List.of(premium("shared/model", "0.1", "0.2"), free("b/model")))));

        assertThat(registry.all()).extracting(CatalogModel::id, CatalogModel::providerId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("b/model", "alpha"),
                org.assertj.core.groups.Tuple.tuple("shared/model", "alpha"),
                org.assertj.core.groups.Tuple.tuple("shared/model", "zeta"),
                org.assertj.core.groups.Tuple.tuple("z/model", "zeta"));
        assertThat(registry.offering("shared/model")).extracting(CatalogModel::providerId).containsExactly("alpha", "zeta");
        assertThat(registry.find("zeta", "shared/model")).get().extracting(CatalogModel::free).isEqualTo(true);
        assertThat(registry.find("alpha", "z/model")).isEmpty();
        assertThat(registry.providerIds()).containsExactly("alpha", "zeta");
        assertThat(registry.find("shared/model")).get().extracting(CatalogModel::providerId).isEqualTo("alpha");
        assertThat(registry.find("z/model")).get().extracting(CatalogModel::providerId).isEqualTo("zeta");
        assertThat(registry.find("missing/model")).isEmpty();
        assertThat(registry.isComplete()).isTrue();
    }

    @Test
    void reusesTheMergedCatalogueUntilItIsStale() {
        StaticModelProvider cached = new StaticModelProvider("cached", List.of(free("c/model")));
        StaticModelProvider live = new StaticModelProvider("live", List.of(free("l/model")));
        ProviderRegistry snapshotting = new ProviderRegistry(List.of(cached), Duration.ofHours(1));
        ProviderRegistry rebuilding = new ProviderRegistry(List.of(live), Duration.ZERO);

        for (int i = 0; i < 3; i++) {
            snapshotting.all();
            snapshotting.find("c/model");
            rebuilding.all();
        }

        assertThat(cached.catalogueReads()).isEqualTo(1);
        assertThat(live.catalogueReads()).isEqualTo(3);
    }

    @Test
    void refusesTwoProvidersWithTheSameId() {
        assertThatThrownBy(() -> new ProviderRegistry(List.of(new StaticModelProvider("twin", List.of()),
                new StaticModelProvider("twin", List.of())))).isInstanceOf(IllegalArgumentException.class);
    }

    private LogRecord only(Level level) {
        List<LogRecord> records = logs.records().stream().filter(r -> r.getLevel().equals(level))
                .filter(r -> r.getLoggerName().startsWith("io.promptmanager")).toList();
        assertThat(records).as(logs.text()).hasSize(1);
        return records.getFirst();
    }

    private static CompletionRequest request(String model) {
        return new CompletionRequest(model, List.of(new ChatMessage("user", PROMPT)), GenerationParameters.defaults(),
                Credentials.user(USER_KEY), Instant.now().plusSeconds(30), "run-1");
    }

    /** A provider whose calls a test overrides one by one. */
    private static class Behaving extends StaticModelProvider {
        Behaving(String id) {
            super(id, List.of());
        }
    }
}
