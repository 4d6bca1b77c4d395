package io.promptmanager.core.model;

import io.promptmanager.core.apikey.Scope;
import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.testing.StaticModelProvider;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.NewUser;
import io.promptmanager.core.user.Role;
import io.promptmanager.core.user.SignUp;
import io.promptmanager.core.user.UserService;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugin.model.ProviderException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.promptmanager.core.testing.StaticModelProvider.free;
import static io.promptmanager.core.testing.StaticModelProvider.premium;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The plan rule on models, for real accounts of each plan, through the wired core services. */
class ModelServiceIT {
    private static final String PASSWORD = "correct-horse-battery-staple";
    private static TestPlatform platform;
    private static ModelService models;
    private static Actor free;
    private static Actor pro;
    private static Actor adminOnFreePlan;

    @BeforeAll
    static void start() {
        platform = TestPlatform.start(List.of(new StaticModelProvider("static",
                List.of(premium("openai/gpt-4o", "0.0000025", "0.00001"), free("meta/llama-3.3:free")))));
        models = platform.services().modelService();
        UserService users = platform.services().userService();
        String adminEmail = "admin-" + UUID.randomUUID() + "@example.test";
        users.ensureInitialAdmin(adminEmail, PASSWORD);
        adminOnFreePlan = Actor.console(users.authenticate(adminEmail, PASSWORD, "127.0.0.1"));
        free = Actor.console(users.signUp(new SignUp("free-" + UUID.randomUUID() + "@example.test", PASSWORD, "Free")));
        pro = Actor.console(users.create(adminOnFreePlan,
                new NewUser("pro-" + UUID.randomUUID() + "@example.test", PASSWORD, "Pro", Plan.PRO, Role.USER)));
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void freeUserSeesEveryModelWithPricesButOnlyFreeOnesAllowed() {
        List<ModelOffer> offers = models.list(free);

        assertThat(free.plan()).isEqualTo(Plan.FREE);
        assertThat(offers).extracting(ModelOffer::id, ModelOffer::free, ModelOffer::allowed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("meta/llama-3.3:free", true, true),
                org.assertj.core.groups.Tuple.tuple("openai/gpt-4o", false, false));
        ModelOffer premium = offers.get(1);
        assertThat(premium.providerId()).isEqualTo("static");
        assertThat(premium.contextLength()).isEqualTo(128_000);
        assertThat(premium.pricing().prompt()).isEqualByComparingTo(new BigDecimal("0.0000025"));
        assertThat(premium.pricing().completion()).isEqualByComparingTo(new BigDecimal("0.00001"));
    }

    @Test
    void listsEachProvidersOfferOfASharedModelAndFiltersByProvider() {
        try (TestPlatform two = TestPlatform.start(List.of(
                new StaticModelProvider("alpha", List.of(premium("shared/model", "0.000001", "0.000002"))),
                new StaticModelProvider("beta", List.of(free("shared/model"), free("beta/only")))))) {
            ModelService service = two.services().modelService();

            assertThat(service.list(pro)).extracting(ModelOffer::id, ModelOffer::providerId).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("beta/only", "beta"),
                    org.assertj.core.groups.Tuple.tuple("shared/model", "alpha"),
                    org.assertj.core.groups.Tuple.tuple("shared/model", "beta"));
            assertThat(service.list(free, "beta")).extracting(ModelOffer::id, ModelOffer::allowed).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("beta/only", true),
                    org.assertj.core.groups.Tuple.tuple("shared/model", true));
            assertThat(service.list(free, "alpha")).extracting(ModelOffer::allowed).containsExactly(false);
            DomainException unknown = catchThrowableOfType(DomainException.class, () -> service.list(pro, "gamma"));
            assertThat(unknown.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
            assertThat(unknown.getMessage()).isEqualTo("unknown provider 'gamma'; installed: alpha, beta");

            assertThat(service.requireAllowed(free, "beta", "shared/model").providerId()).isEqualTo("beta");
            assertThat(catchThrowableOfType(DomainException.class,
                    () -> service.requireAllowed(free, "alpha", "shared/model")).code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
            assertThat(catchThrowableOfType(DomainException.class,
                    () -> service.requireAllowed(pro, "alpha", "beta/only")).getMessage())
                    .isEqualTo("unknown model 'beta/only' of provider 'alpha'");
            assertThat(catchThrowableOfType(DomainException.class,
                    () -> service.requireAllowed(pro, "gamma", "shared/model")).getMessage())
                    .isEqualTo("unknown provider 'gamma'; installed: alpha, beta");
            assertThat(catchThrowableOfType(DomainException.class,
                    () -> service.requireAllowed(pro, null, "shared/model")).violations())
                    .extracting(v -> v.field()).containsExactly("provider");
        }
    }

    @Test
    void proUserAndAdministratorMayRunEveryModel() {
        assertThat(models.list(pro)).extracting(ModelOffer::allowed).containsExactly(true, true);
        assertThat(models.list(adminOnFreePlan)).extracting(ModelOffer::allowed).containsExactly(true, true);
        assertThat(models.requireAllowed(pro, "openai/gpt-4o").providerId()).isEqualTo("static");
        assertThat(models.requireAllowed(adminOnFreePlan, "openai/gpt-4o").id()).isEqualTo("openai/gpt-4o");
    }

    @Test
    void refusesAPremiumModelToAFreeUserWithPlanRequired() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> models.requireAllowed(free, "openai/gpt-4o"));

        assertThat(refused.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(refused.getMessage()).isEqualTo("openai/gpt-4o is a premium model: the FREE plan runs free models only");
        assertThat(models.requireAllowed(free, "meta/llama-3.3:free").free()).isTrue();
    }

    @Test
    void refusesAnUnknownModelOnTheModelField() {
        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> models.requireAllowed(pro, "nobody/such-model"));
        DomainException missing = catchThrowableOfType(DomainException.class, () -> models.requireAllowed(pro, " "));

        assertThat(refused.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(refused.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("model");
            assertThat(v.message()).contains("nobody/such-model");
        });
        assertThat(missing.violations()).singleElement().extracting(v -> v.field()).isEqualTo("model");
    }

    @Test
    void anUnknownModelIsUnavailableRatherThanInvalidWhileACatalogueIsDown() {
        ModelProvider down = new StaticModelProvider("down", List.of()) {
            @Override
            public List<ModelInfo> models() {
                throw new ProviderException(ProviderException.Kind.UNAVAILABLE, "down", true);
            }
        };
        ModelService service = new ModelService(new ProviderRegistry(List.of(down)), platform.services().planCatalog());

        DomainException refused = catchThrowableOfType(DomainException.class,
                () -> service.requireAllowed(pro, "openai/gpt-4o"));

        assertThat(refused.code()).isEqualTo(ErrorCode.PROVIDER_UNAVAILABLE);
    }

    @Test
    void listingNeedsThePromptsReadScope() {
        Actor keyWithoutRead = new Actor(pro.userId(), pro.role(), pro.plan(), io.promptmanager.core.common.Channel.API,
                UUID.randomUUID(), Set.of(Scope.EXECUTIONS_RUN));

        DomainException refused = catchThrowableOfType(DomainException.class, () -> models.list(keyWithoutRead));

        assertThat(refused.code()).isEqualTo(ErrorCode.SCOPE_REQUIRED);
    }
}
