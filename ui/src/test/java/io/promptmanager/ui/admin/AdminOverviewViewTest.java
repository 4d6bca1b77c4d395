package io.promptmanager.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.promptmanager.core.analytics.PlatformDay;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ByokPlatform;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.ConsolePlatform;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs made here are the only ones of this class's database. */
@ConsolePlatform(ByokPlatform.class)
class AdminOverviewViewTest extends ConsoleBrowserlessTest {

    @Test
    void showsRunsAndTheirCostOnThePlatformsKeyAndOnUsersKeysAndTheProAccounts() throws InterruptedException {
        // given: one PRO user runs on the platform's key, another on their own key
        platform().provider().willAlways(FakeModelProvider.Answer.reply("Hi",
                FakeModelProvider.usage(10, 5, new BigDecimal("0.0125"))));
        Actor system = Actor.console(newProUser("On System"));
        Actor byok = Actor.console(newProUser("On Own Key"));
        services().byokService().put(byok, "sk-or-v1-" + "ab".repeat(32));
        runTwice(system);
        runTwice(byok);
        User admin = admin();
        awaitRecorded(Actor.console(admin), 4);
        signIn(admin);

        // when
        navigate(AdminOverviewView.class);

        // then
        assertThat(find(Span.class).id("overview-runs").getText()).isEqualTo("4");
        assertThat(find(Span.class).id("overview-system-cost").getText()).isEqualTo("$0.025");
        assertThat(find(Span.class).id("overview-byok-cost").getText()).isEqualTo("$0.025");
        assertThat(find(Span.class).id("overview-pro").getText()).isEqualTo("3");
        assertThat(find(Span.class).id("overview-subscriptions").getText()).as("made PRO by hand, not paying").isEqualTo("0");
        GridTester<Grid<PlatformDay>, PlatformDay> days = days();
        assertThat(days.size()).isEqualTo(30);
        assertThat(days.getCellText(0, 1)).isEqualTo("4");
        assertThat(days.getCellText(1, 1)).isEqualTo("0");

        // when
        test(period()).selectItem("Last 7 days");

        // then
        assertThat(days().size()).isEqualTo(7);
        assertThat(find(Span.class).id("overview-runs").getText()).isEqualTo("4");
    }

    private static void runTwice(Actor actor) {
        services().promptService().create(actor, new PromptInput("hello", null, null, List.of()));
        services().versionService().create(actor, "hello", new VersionInput(List.of(new Message("user", "Hi")),
                List.of(), FakeModelProvider.PREMIUM_MODEL, ModelParameters.none(), "v1"));
        services().versionService().promote(actor, "hello", 1);
        for (int i = 0; i < 2; i++) {
            services().executionService().run(actor, "hello", ExecutionRequest.production(Map.of()));
        }
    }

    /** Executions are recorded in the background, shortly after each run. */
    private static void awaitRecorded(Actor admin, long runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (services().platformUsageService().lastDays(admin, 1).runs() < runs) {
            assertThat(System.nanoTime()).as("runs recorded").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<PlatformDay>, PlatformDay> days() {
        return test((Grid<PlatformDay>) find(Grid.class).id("overview-days"));
    }

    @SuppressWarnings("unchecked")
    private Select<Integer> period() {
        return find(Select.class).id("overview-period");
    }
}
