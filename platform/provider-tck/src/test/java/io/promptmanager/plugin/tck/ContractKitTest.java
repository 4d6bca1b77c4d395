package io.promptmanager.plugin.tck;

import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.tck.ScriptedProvider.Flaw;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/** Runs the kit on a correct provider and on providers with one flaw each: the kit passes the first and catches every flaw. */
class ContractKitTest {

    @Test
    void aCorrectProviderPassesEveryContractTest() {
        TestExecutionSummary summary = run(Correct.class);

        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(15);
    }

    @Test
    void aProviderWithoutRequiredSettingsPassesToo() {
        TestExecutionSummary summary = run(NothingRequired.class);

        assertThat(failures(summary)).isEmpty();
        assertThat(summary.getTestsSucceededCount()).isEqualTo(15);
    }

    @Test
    void catchesAKeyInAnException() {
        assertThat(failures(run(LeaksKey.class))).contains("rejectedKeyIsInvalidCredentialsAndTheKeyIsNotShown()",
                "rejectedUserKeyIsInvalidCredentialsAndTheUserKeyIsNotShown()", "paymentRequiredIsInsufficientCredits()",
                "serviceUnavailableIsUnavailableAndRetryable()", "streamRefusedBeforeItStartsSaysSo()");
    }

    @Test
    void catchesAWrongErrorMapping() {
        assertThat(failures(run(UnavailableAsInternal.class)))
                .containsExactlyInAnyOrder("serviceUnavailableIsUnavailableAndRetryable()", "streamRefusedBeforeItStartsSaysSo()");
    }

    @Test
    void catchesALostRetryAfter() {
        assertThat(failures(run(DropsRetryAfter.class))).containsExactly("tooManyRequestsIsRateLimitedWithTheUpstreamWait()");
    }

    @Test
    void catchesATimeoutPastTheDeadline() {
        assertThat(failures(run(LateTimeout.class)))
                .containsExactlyInAnyOrder("silentUpstreamTimesOutAtTheDeadline()", "silentUpstreamTimesOutAStreamAtTheDeadline()");
    }

    @Test
    void catchesDeltasOutOfOrder() {
        assertThat(failures(run(ReversedStream.class)))
                .containsExactly("streamDeliversTheDeltasInOrderOnTheCallingThreadThenTheFinalUsage()");
    }

    @Test
    void catchesAStartWithoutARequiredSetting() {
        assertThat(failures(run(NoRequiredSetting.class)))
                .containsExactly("startsWithTheUpstreamSettingsAndRefusesToStartWithoutEachRequiredSetting()");
    }

    @Test
    void catchesAFreeModelWithoutAPrice() {
        assertThat(failures(run(FreeModelWithoutPrice.class)))
                .containsExactly("catalogueHasUniqueIdsNonNegativePricesAndAFreeFlagConsistentWithThem()");
    }

    private static TestExecutionSummary run(Class<? extends ModelProviderContractTest> test) {
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request().selectors(selectClass(test)).build(), listener);
        return listener.getSummary();
    }

    private static List<String> failures(TestExecutionSummary summary) {
        return summary.getFailures().stream().map(failure -> failure.getTestIdentifier().getDisplayName()).toList();
    }

    /** The kit over a provider with {@code flaws}. */
    abstract static class Scripted extends ModelProviderContractTest {
        private final Flaw[] flaws;

        Scripted(Flaw... flaws) {
            this.flaws = flaws;
        }

        @Override
        protected ModelProvider newProvider() {
            return new ScriptedProvider(flaws);
        }

        @Override
        protected Upstream startUpstream() {
            return new ScriptedUpstream();
        }

        @Override
        protected Set<String> requiredSettings() {
            return Set.of("upstream", "api-key", "model");
        }
    }

    static class Correct extends Scripted {
    }

    static class NothingRequired extends Scripted {
        @Override
        protected Set<String> requiredSettings() {
            return Set.of();
        }
    }

    static class LeaksKey extends Scripted {
        LeaksKey() {
            super(Flaw.LEAKS_KEY);
        }
    }

    static class UnavailableAsInternal extends Scripted {
        UnavailableAsInternal() {
            super(Flaw.UNAVAILABLE_AS_INTERNAL);
        }
    }

    static class DropsRetryAfter extends Scripted {
        DropsRetryAfter() {
            super(Flaw.DROPS_RETRY_AFTER);
        }
    }

    static class LateTimeout extends Scripted {
        LateTimeout() {
            super(Flaw.LATE_TIMEOUT);
        }
    }

    static class ReversedStream extends Scripted {
        ReversedStream() {
            super(Flaw.REVERSED_STREAM);
        }
    }

    static class NoRequiredSetting extends Scripted {
        NoRequiredSetting() {
            super(Flaw.NO_REQUIRED_SETTING);
        }
    }

    static class FreeModelWithoutPrice extends Scripted {
        FreeModelWithoutPrice() {
            super(Flaw.FREE_MODEL_WITHOUT_PRICE);
        }
    }
}
