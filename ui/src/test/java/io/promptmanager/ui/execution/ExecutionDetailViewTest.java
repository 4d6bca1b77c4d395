package io.promptmanager.ui.execution;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.promptmanager.core.common.BillingType;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.execution.ExecutionRequest;
import io.promptmanager.core.execution.ExecutionResult;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.Seeds;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.usage;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutionDetailViewTest extends ConsoleBrowserlessTest {

    @Test
    void showsTheRunsFiguresVariablesPromptSentAndOutput() {
        // given
        User user = Seeds.pro(services(), newUser("Reader"), admin());
        Seeds.productionPrompt(services(), user, "summarise", PREMIUM_MODEL);
        platform().provider().willNext(Answer.reply("Revenue grew.", usage(120, 8, new BigDecimal("0.000136"))));
        ExecutionResult run = services().executionService().run(Actor.console(user), "summarise",
                ExecutionRequest.production(Map.of("text", "the quarterly report")));
        signIn(user);

        // when
        navigate("executions/" + run.executionId(), Component.class);

        // then
        assertThat(find(H2.class).id("execution-title").getText()).isEqualTo("summarise · v1");
        assertThat(fact("model")).isEqualTo(PREMIUM_MODEL);
        assertThat(fact("provider")).isEqualTo("fake");
        assertThat(fact("channel")).isEqualTo("Console");
        assertThat(fact("billing")).isEqualTo("SYSTEM — Paid with the platform’s provider key");
        assertThat(fact("status")).isEqualTo("Succeeded");
        assertThat(fact("finish-reason")).isEqualTo("stop");
        assertThat(fact("tokens")).isEqualTo("120 in · 8 out");
        assertThat(fact("cost")).isEqualTo("$0.000136 (reported by the provider)");
        assertThat(fact("latency")).matches("\\d+ ms");
        assertThat(fact("id")).isEqualTo(run.executionId().toString());
        assertThat(find(DescriptionList.class).id("execution-variables").getElement().getTextRecursively())
                .isEqualTo("textthe quarterly report");
        assertThat(find(VerticalLayout.class).id("execution-rendered").getElement().getTextRecursively())
                .isEqualTo("systemBe concise.userSummarise: the quarterly report");
        assertThat(find(Pre.class).id("execution-output").getText()).isEqualTo("Revenue grew.");
        assertThat(find(Anchor.class).id("execution-run-again").getHref()).isEqualTo("prompts/summarise/run?version=1");
    }

    @Test
    void aFailedRunExplainsItsErrorAndSaysWhenItsPromptIsGone() {
        // given
        User user = newUser("Failer");
        ExecutionRecord failed = Seeds.failed(user, "deleted-prompt", "m/a", "PROVIDER_TIMEOUT", 120_000,
                Instant.parse("2026-03-01T10:00:00Z"));
        Seeds.record(platform(), List.of(failed));
        signIn(user);

        // when
        navigate("executions/" + failed.id(), Component.class);

        // then
        assertThat(fact("status")).isEqualTo("Failed");
        assertThat(fact("error")).isEqualTo("PROVIDER_TIMEOUT — The provider did not answer in time.");
        assertThat(fact("cost")).isEqualTo("Unknown");
        assertThat(fact("latency")).isEqualTo("120,000 ms");
        assertThat(find(Paragraph.class).id("execution-rendered").getText()).startsWith("The prompt cannot be shown");
        assertThat(find(Paragraph.class).id("execution-output").getText()).isEqualTo("No output.");
        assertThat(find(Anchor.class).withId("execution-run-again").exists()).isFalse();
    }

    @Test
    void anotherUsersRunIsNotFoundLikeOneThatDoesNotExist() {
        // given
        User owner = newUser("Owner");
        ExecutionRecord theirs = Seeds.succeeded(owner, "secret", "m/a", BillingType.BYOK, 10, "0.01",
                Instant.parse("2026-03-01T10:00:00Z"));
        Seeds.record(platform(), List.of(theirs));
        signIn(newUser("Snoop"));

        for (String id : List.of(theirs.id().toString(), UUID.randomUUID().toString(), "not-a-uuid")) {
            // when
            navigate("executions/" + id, Component.class);

            // then
            assertThat(find(H1.class).id("error-title").getText()).as(id).isEqualTo("Page not found");
        }
    }

    private String fact(String key) {
        return find(DescriptionList.Description.class).id("execution-" + key).getText();
    }
}
