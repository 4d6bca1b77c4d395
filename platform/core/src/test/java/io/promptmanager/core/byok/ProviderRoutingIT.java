package io.promptmanager.core.byok;

import io.promptmanager.core.CoreServices;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.common.Violation;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.TestKeyStorage;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.plugin.model.CompletionRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Two providers offering the same model ids (OpenRouter and an OpenAI-compatible server): a run
 * goes to the provider its version names, the plan's model rule holds on both, and a user's own
 * key (BYOK) is used on OpenRouter only.
 */
class ProviderRoutingIT {
    private static final String OTHER = "openai-compatible";
    private TestPlatform platform;
    private CoreServices core;
    private FakeModelProvider openrouter;
    private FakeModelProvider other;
    private ByokFixture fixture;

    @BeforeEach
    void start() {
        openrouter = new FakeModelProvider(ByokService.PROVIDER);
        other = new FakeModelProvider(OTHER);
        platform = TestPlatform.start(TestPlatform.settings(Clock.systemUTC()), List.of(openrouter, other),
                List.of(new TestKeyStorage(1)));
        core = platform.services();
        fixture = new ByokFixture(core);
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private ExecutionResult run(Actor actor, String prompt) {
        return core.executionService().run(actor, prompt, new ExecutionRequest(ByokFixture.VARIABLES, null, false));
    }

    @Test
    void runsOnTheProviderTheVersionNames() {
        Actor pro = fixture.user(Plan.PRO);

        ExecutionResult onOther = run(pro, fixture.prompt(pro, OTHER, PREMIUM_MODEL));
        ExecutionResult onOpenRouter = run(pro, fixture.prompt(pro, ByokService.PROVIDER, PREMIUM_MODEL));

        assertThat(onOther.provider()).isEqualTo(OTHER);
        assertThat(onOpenRouter.provider()).isEqualTo(ByokService.PROVIDER);
        assertThat(other.requests()).extracting(CompletionRequest::requestId)
                .containsExactly(onOther.executionId().toString());
        assertThat(openrouter.requests()).extracting(CompletionRequest::requestId)
                .containsExactly(onOpenRouter.executionId().toString());
        assertThat(core.executionHistoryService().get(pro, onOther.executionId()).provider()).isEqualTo(OTHER);
    }

    @Test
    void aVersionMustNameTheProviderOfAModelTwoProvidersOffer() {
        Actor pro = fixture.user(Plan.PRO);

        DomainException e = catchThrowableOfType(DomainException.class, () -> fixture.prompt(pro, PREMIUM_MODEL));

        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.violations()).containsExactly(new Violation("provider",
                "'" + PREMIUM_MODEL + "' is offered by several providers (openai-compatible, openrouter): name one"));
    }

    @Test
    void theFreePlanRunsFreeModelsOnlyOnEveryProvider() {
        Actor free = fixture.user(Plan.FREE);

        DomainException premium = catchThrowableOfType(DomainException.class,
                () -> run(free, fixture.prompt(free, OTHER, PREMIUM_MODEL)));
        ExecutionResult freeModel = run(free, fixture.prompt(free, OTHER, FREE_MODEL));

        assertThat(premium.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(freeModel.provider()).isEqualTo(OTHER);
        assertThat(other.requests()).hasSize(1);
    }

    @Test
    void aUsersOwnKeyIsUsedOnOpenRouterOnlyOtherProvidersRunOnTheirConfiguredKey() {
        Actor pro = fixture.user(Plan.PRO);
        String key = ByokFixture.newKey();
        core.byokService().put(pro, key);

        ExecutionResult onOther = run(pro, fixture.prompt(pro, OTHER, PREMIUM_MODEL));
        ExecutionResult onOpenRouter = run(pro, fixture.prompt(pro, ByokService.PROVIDER, PREMIUM_MODEL));

        assertThat(onOther.billingType()).isEqualTo(BillingType.SYSTEM);
        assertThat(other.requests()).singleElement().satisfies(r -> assertThat(r.credentials().isUserKey()).isFalse());
        assertThat(onOpenRouter.billingType()).isEqualTo(BillingType.BYOK);
        assertThat(openrouter.requests()).singleElement()
                .satisfies(r -> assertThat(r.credentials().apiKey()).isEqualTo(key));
    }
}
