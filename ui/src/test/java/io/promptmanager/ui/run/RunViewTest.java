package io.promptmanager.ui.run;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.promptmanager.core.common.PageRequest;
import io.promptmanager.core.execution.Execution;
import io.promptmanager.core.execution.ExecutionFilter;
import io.promptmanager.core.execution.ExecutionRecord;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VariableDeclaration;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.testing.FakeModelProvider.Answer;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.Seeds;
import io.promptmanager.ui.execution.ExecutionsView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.promptmanager.core.testing.FakeModelProvider.FREE_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.PREMIUM_MODEL;
import static io.promptmanager.core.testing.FakeModelProvider.usage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

class RunViewTest extends ConsoleBrowserlessTest {
    private static final Pattern RESETS_IN = Pattern.compile("(\\d+)h (\\d+)m");

    @BeforeEach
    void defaultAnswers() {
        platform().provider().reset();
    }

    @Test
    void freeUserSeesTheRunsLeftAndTheFourthRunIsRefusedWithAnUpgradeButton() {
        // given
        User user = newUser("Frugal");
        Seeds.productionPrompt(services(), user, "summarise", FREE_MODEL);
        signIn(user);
        navigate("prompts/summarise/run", RunView.class);
        assertThat(text("quota-text")).startsWith("3 of 3 runs left today — resets in ");
        assertResetsAtUtcMidnight(text("quota-text"));
        assertThat(shown(Button.class, "quota-upgrade")).isFalse();

        // when
        for (int run = 1; run <= 3; run++) {
            runWith("Run number " + run);
            assertThat(text("run-status")).isEqualTo("Succeeded");
        }

        // then
        assertThat(text("quota-text")).startsWith("No runs left today: the 3 runs of the Free plan reset in ");
        assertThat(shown(Button.class, "quota-upgrade")).isTrue();

        // when
        runWith("One more");

        // then
        assertThat(text("run-status")).isEqualTo("Failed");
        assertThat(find(Paragraph.class).id("run-error").getText())
                .startsWith("You have used today’s 3 runs of the Free plan. They reset at midnight UTC, in ")
                .endsWith("Upgrade to Pro for unlimited runs.");
        assertResetsAtUtcMidnight(find(Paragraph.class).id("run-error").getText());
        Button upgrade = find(Button.class).id("run-upgrade");
        assertThat(upgrade.isVisible()).isTrue();
        assertThat(upgrade.getText()).isEqualTo("Upgrade to Pro");
        assertThat(platform().provider().requests()).hasSize(3);

        // when
        test(upgrade).click();

        // then
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("billing");
    }

    @Test
    void proUserRunShowsTheOutputTokensExactCostBillingTypeAndALinkToTheRun() {
        // given
        User user = Seeds.pro(services(), newUser("Pro"), admin());
        Seeds.productionPrompt(services(), user, "summarise", PREMIUM_MODEL);
        platform().provider().willNext(Answer.reply("A short summary.", usage(120, 8, new BigDecimal("0.000136"))));
        signIn(user);
        navigate("prompts/summarise/run", RunView.class);

        // when
        runWith("the quarterly report");

        // then
        assertThat(shown(QuotaBanner.class, "quota")).isFalse();
        assertThat(text("run-status")).isEqualTo("Succeeded");
        assertThat(output()).isEqualTo("A short summary.");
        assertThat(text("run-model")).isEqualTo(PREMIUM_MODEL);
        assertThat(text("run-tokens")).isEqualTo("120 in · 8 out");
        assertThat(text("run-cost")).isEqualTo("$0.000136 (reported by the provider)");
        assertThat(text("run-latency")).matches("\\d+ ms");
        assertThat(text("run-billing")).isEqualTo("SYSTEM");
        Execution recorded = onlyRun(user);
        assertThat(find(Anchor.class).id("run-details").getHref()).isEqualTo("executions/" + recorded.id());
        assertThat(recorded.cost().amount()).isEqualByComparingTo("0.000136");
        assertThat(platform().provider().requests().getLast().messages().getLast().content())
                .isEqualTo("Summarise: the quarterly report");
    }

    @Test
    void showsTheAnswerAsItStreamsInBeforeTheRunCompletes() throws Exception {
        // given
        User user = newUser("Streamer");
        Seeds.productionPrompt(services(), user, "story", FREE_MODEL);
        CountDownLatch firstWordsShown = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        platform().provider().willNext((request, listener) -> {
            listener.onDelta("Once upon ");
            listener.onDelta("a time");
            firstWordsShown.await(10, TimeUnit.SECONDS);
            finish.await(10, TimeUnit.SECONDS);
            listener.onDelta(", the end.");
            return new CompletionResult("Once upon a time, the end.", "stop", usage(5, 6, null), "gen-1",
                    request.model());
        });
        signIn(user);
        navigate("prompts/story/run", RunView.class);

        // when
        runWithoutWaiting("a fairy tale");
        await(() -> output().equals("Once upon a time"));

        // then
        assertThat(text("run-status")).isEqualTo("Running…");
        assertThat(find(Button.class).id("run").isEnabled()).isFalse();
        firstWordsShown.countDown();

        // when
        finish.countDown();
        await(() -> text("run-status").equals("Succeeded"));

        // then
        assertThat(output()).isEqualTo("Once upon a time, the end.");
        assertThat(find(Button.class).id("run").isEnabled()).isTrue();
    }

    @Test
    void leavingThePageInTheMiddleOfTheAnswerEndsTheRun() throws Exception {
        // given
        User user = newUser("Leaver");
        Seeds.productionPrompt(services(), user, "story", FREE_MODEL);
        CountDownLatch left = new CountDownLatch(1);
        platform().provider().willNext((request, listener) -> {
            listener.onDelta("Once upon ");
            left.await(10, TimeUnit.SECONDS);
            listener.onDelta("a time");
            return new CompletionResult("Once upon a time", "stop", usage(5, 6, null), "gen-1", request.model());
        });
        signIn(user);
        navigate("prompts/story/run", RunView.class);
        runWithoutWaiting("a fairy tale");
        await(() -> output().equals("Once upon "));

        // when
        navigate(ExecutionsView.class);
        left.countDown();

        // then
        await(() -> !runs(user).isEmpty());
        assertThat(runs(user)).singleElement().extracting(Execution::errorCode)
                .isEqualTo(ExecutionRecord.CLIENT_DISCONNECTED);
    }

    @Test
    void buildsOneFieldPerDeclaredVariableWithDefaultsAndCheckesThemAtTheField() {
        // given
        User user = newUser("Typist");
        Actor actor = Actor.console(user);
        services().promptService().create(actor, new PromptInput("letter", null, null, List.of()));
        services().versionService().create(actor, "letter", Seeds.version(FREE_MODEL,
                "Write {{count}} lines to {{name}}{{#formal}}, formally{{/formal}}.{{tone}}", List.of(
                        new VariableDeclaration("name", "string", true, null, "Who receives it"),
                        new VariableDeclaration("count", "number", false, new BigDecimal("3"), null),
                        new VariableDeclaration("formal", "boolean", false, true, null),
                        new VariableDeclaration("tone", "string", false, null, null))));
        signIn(user);
        navigate("prompts/letter/run", RunView.class);
        TextArea name = find(TextArea.class).id("variable-name");
        TextField count = find(TextField.class).id("variable-count");
        Checkbox formal = find(Checkbox.class).id("variable-formal");

        // then
        assertThat(name.isRequiredIndicatorVisible()).isTrue();
        assertThat(name.getHelperText()).isEqualTo("Who receives it");
        assertThat(count.getValue()).isEqualTo("3");
        assertThat(count.isRequiredIndicatorVisible()).isFalse();
        assertThat(formal.getValue()).isTrue();
        assertThat(find(TextArea.class).id("variable-tone").isRequiredIndicatorVisible()).isFalse();

        // when
        test(count).setValue("twelve");
        test(find(Button.class).id("run")).click();

        // then
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("This variable is required.");
        assertThat(count.isInvalid()).isTrue();
        assertThat(count.getErrorMessage()).isEqualTo("Enter a number, e.g. 12 or 3.5.");
        assertThat(platform().provider().requests()).isEmpty();

        // when
        test(name).setValue("Ada");
        test(count).setValue("2,5");
        test(formal).click();
        test(find(Button.class).id("run")).click();
        awaitFinished();

        // then
        assertThat(name.isInvalid()).isFalse();
        assertThat(count.isInvalid()).isFalse();
        assertThat(platform().provider().requests().getLast().messages().getLast().content())
                .isEqualTo("Write 2.5 lines to Ada.");
    }

    @Test
    void opensOnTheProductionVersionElseTheNewestDraftOrTheVersionAskedFor() {
        // given
        User user = newUser("Versioner");
        Actor actor = Actor.console(user);
        for (String prompt : List.of("released", "drafted")) {
            services().promptService().create(actor, new PromptInput(prompt, null, null, List.of()));
            services().versionService().create(actor, prompt, Seeds.version(FREE_MODEL, "One {{text}}", List.of(Seeds.TEXT)));
            services().versionService().create(actor, prompt, Seeds.version(FREE_MODEL, "Two", List.of()));
        }
        services().versionService().promote(actor, "released", 1);
        signIn(user);

        // when
        navigate("prompts/released/run", RunView.class);

        // then
        assertThat(version().number()).isEqualTo(1);
        assertThat(versionLabels()).containsExactly("v2 · Draft", "v1 · Production");
        assertThat(find(TextArea.class).id("variable-text")).isNotNull();

        // when
        navigate("prompts/drafted/run", RunView.class);

        // then
        assertThat(version().number()).isEqualTo(2);
        assertThat(find(VariableFields.class).id("run-variables").getChildren()).isEmpty();

        // when
        UI.getCurrent().navigate("prompts/released/run", QueryParameters.of("version", "2"));

        // then
        assertThat(version().number()).isEqualTo(2);
    }

    @Test
    void freeUserOnAPremiumModelIsToldWhyAndOfferedTheUpgradeWithoutLosingARun() {
        // given
        User user = newUser("Ambitious");
        Seeds.productionPrompt(services(), user, "premium", PREMIUM_MODEL);
        signIn(user);
        navigate("prompts/premium/run", RunView.class);
        ComboBox<ModelOffer> models = modelChoice();

        // then
        assertThat(models.getHelperText()).isEqualTo("The Free plan runs free models only.");
        assertThat(test(models).getSuggestions()).containsExactly(
                "Premium model (" + PREMIUM_MODEL + ") · Pro plan only", "Free model (" + FREE_MODEL + ") · free");

        // when
        runWith("anything");

        // then
        assertThat(find(Paragraph.class).id("run-error").getText()).isEqualTo(PREMIUM_MODEL
                + " is a premium model: the Free plan runs free models only. Choose a free model, or upgrade to Pro"
                + " to use every model.");
        assertThat(shown(Button.class, "run-upgrade")).isTrue();
        assertThat(text("quota-text")).startsWith("3 of 3 runs left today");
    }

    @Test
    void proUserMayRunAnotherModelAndSeesEveryModelsPrices() {
        // given
        User user = Seeds.pro(services(), newUser("Chooser"), admin());
        Seeds.productionPrompt(services(), user, "summarise", FREE_MODEL);
        signIn(user);
        navigate("prompts/summarise/run", RunView.class);
        ComboBox<ModelOffer> models = modelChoice();

        // then
        assertThat(models.getValue().id()).isEqualTo(FREE_MODEL);
        assertThat(test(models).getSuggestions()).containsExactlyInAnyOrder(
                "Free model (" + FREE_MODEL + ") · free",
                "Premium model (" + PREMIUM_MODEL + ") · $1.00 in / $2.00 out per million tokens + $0.0001 per run",
                "Variable-price model (" + FakeModelProvider.VARIABLE_MODEL + ") · price varies");

        // when
        test(models).selectItem("Premium model (" + PREMIUM_MODEL + ") · $1.00 in / $2.00 out per million tokens"
                + " + $0.0001 per run");
        runWith("the report");

        // then
        assertThat(text("run-model")).isEqualTo(PREMIUM_MODEL);
        assertThat(platform().provider().requests().getLast().model()).isEqualTo(PREMIUM_MODEL);
        // 10 prompt and 5 completion tokens at the premium prices, plus the price of a request
        assertThat(text("run-cost")).isEqualTo("$0.00012 (estimated from the model’s prices)");
    }

    @Test
    void providerFailureIsExplainedAndGivesTheRunBack() {
        // given
        User user = newUser("Unlucky");
        Seeds.productionPrompt(services(), user, "summarise", FREE_MODEL);
        platform().provider().willNext(Answer.fail(ProviderException.Kind.UNAVAILABLE, 503, null));
        signIn(user);
        navigate("prompts/summarise/run", RunView.class);

        // when
        runWith("text");

        // then
        assertThat(text("run-status")).isEqualTo("Failed");
        assertThat(find(Paragraph.class).id("run-error").getText())
                .isEqualTo("The provider is unavailable or overloaded. Try again later.");
        assertThat(find(Paragraph.class).id("run-error-detail").getText())
                .isEqualTo("The provider is unavailable or overloaded; try again later: fake unavailable failure");
        assertThat(shown(Button.class, "run-upgrade")).isFalse();
        assertThat(text("quota-text")).startsWith("3 of 3 runs left today");
    }

    @Test
    void anotherUsersOrAMissingPromptIsNotFound() {
        // given
        Seeds.productionPrompt(services(), newUser("Owner"), "private", FREE_MODEL);
        signIn(newUser("Snoop"));

        // when
        navigate("prompts/private/run", Component.class);

        // then
        assertThat(find(H1.class).id("error-title").getText()).isEqualTo("Page not found");
    }

    private void runWith(String text) {
        runWithoutWaiting(text);
        awaitFinished();
    }

    private void runWithoutWaiting(String text) {
        test(find(TextArea.class).id("variable-text")).setValue(text);
        test(find(Button.class).id("run")).click();
    }

    private void awaitFinished() {
        await(() -> !text("run-status").equals("Running…"));
    }

    private void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            roundTrip();
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("The page did not reach the expected state in 10 seconds");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Whether the component is on the page and visible (queries find visible ones only). */
    private boolean shown(Class<? extends Component> type, String id) {
        return find(type).withId(id).exists();
    }

    private String text(String id) {
        return find(Span.class).id(id).getText();
    }

    private String output() {
        return find(Div.class).id("run-output").getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ModelOffer> modelChoice() {
        return find(ComboBox.class).id("run-model-choice");
    }

    @SuppressWarnings("unchecked")
    private PromptVersion version() {
        return ((Select<PromptVersion>) find(Select.class).id("run-version")).getValue();
    }

    @SuppressWarnings("unchecked")
    private List<String> versionLabels() {
        return test((Select<PromptVersion>) find(Select.class).id("run-version")).getSuggestions();
    }

    private static List<Execution> runs(User user) {
        return services().executionHistoryService()
                .list(Actor.console(user), ExecutionFilter.NONE, PageRequest.firstPage()).items();
    }

    private static Execution onlyRun(User user) {
        List<Execution> runs = runs(user);
        assertThat(runs).hasSize(1);
        return runs.getFirst();
    }

    /** "resets in Xh Ym" is the time left until the next UTC midnight, to the minute. */
    private static void assertResetsAtUtcMidnight(String text) {
        Matcher matcher = RESETS_IN.matcher(text);
        assertThat(matcher.find()).as(text).isTrue();
        Duration shown = Duration.ofHours(Long.parseLong(matcher.group(1))).plusMinutes(Long.parseLong(matcher.group(2)));
        Instant midnight = LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration left = Duration.between(Instant.now(), midnight);
        assertThat(shown).isBetween(left.minusMinutes(1), left.plusMinutes(1));
    }
}
