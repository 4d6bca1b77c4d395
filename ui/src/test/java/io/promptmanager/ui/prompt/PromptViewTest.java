package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.ComboBoxTester;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import io.promptmanager.core.model.ModelOffer;
import io.promptmanager.core.plan.Plan;
import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptInput;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.testing.FakeModelProvider;
import io.promptmanager.core.user.Actor;
import io.promptmanager.core.user.User;
import io.promptmanager.core.user.UserChanges;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PromptViewTest extends PromptPageTestBase {

    @Test
    void editorSavesTheFirstVersionAsADraftWithEverythingEntered() {
        // given
        Actor actor = signedInOwnerOf("welcome");
        open("welcome");
        assertThat(find(H2.class).id("page-title").getText()).isEqualTo("welcome");
        assertThat(find(Paragraph.class).id("editor-status").getText()).startsWith("No version yet.");

        // when
        test(roleSelect(0)).selectItem("System");
        test(textArea("message-content-0")).setValue("You greet {{name}} warmly.");
        click("add-variable");
        test(textField("variable-name-0")).setValue("name");
        test(textField("variable-default-0")).setValue("friend");
        test(find(Checkbox.class).id("variable-required-0")).click();
        pickModel(FREE_MODEL);
        test(textField("temperature")).setValue("0,7");
        test(textField("max-tokens")).setValue("256");
        test(textField("top-p")).setValue("0.9");
        test(textField("frequency-penalty")).setValue("-0.5");
        test(textField("presence-penalty")).setValue("0.25");
        test(textArea("stop")).setValue("END\n###");
        test(textField("seed")).setValue("42");
        test(textField("commit-message")).setValue("first words");
        click("save-draft");

        // then
        PromptVersion saved = services().versionService().get(actor, "welcome", 1);
        assertThat(saved.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(saved.messages()).containsExactly(new Message("system", "You greet {{name}} warmly."));
        assertThat(saved.variables()).singleElement().satisfies(variable -> {
            assertThat(variable.name()).isEqualTo("name");
            assertThat(variable.required()).isFalse();
            assertThat(variable.defaultValue()).isEqualTo("friend");
        });
        assertThat(saved.model()).isEqualTo(FREE_MODEL);
        assertThat(saved.parameters().temperature()).isEqualByComparingTo(new BigDecimal("0.7"));
        assertThat(saved.parameters().maxTokens()).isEqualTo(256);
        assertThat(saved.parameters().topP()).isEqualByComparingTo("0.9");
        assertThat(saved.parameters().frequencyPenalty()).isEqualByComparingTo("-0.5");
        assertThat(saved.parameters().presencePenalty()).isEqualByComparingTo("0.25");
        assertThat(saved.parameters().stop()).containsExactly("END", "###");
        assertThat(saved.parameters().seed()).isEqualTo(42L);
        assertThat(saved.commitMessage()).isEqualTo("first words");
        assertThat(find(Paragraph.class).id("editor-status").getText()).isEqualTo("Editing draft v1. Save updates it.");
        assertThat(test(find(Notification.class).last()).getText()).isEqualTo("Draft v1 saved.");
    }

    @Test
    void savingAgainUpdatesTheSameDraft() {
        // given
        Actor actor = signedInOwnerOf("notes");
        addVersion(actor, "notes", "Summarise for {{name}}", "v1");
        open("notes");
        assertThat(find(Paragraph.class).id("editor-status").getText()).isEqualTo("Editing draft v1. Save updates it.");
        assertThat(textArea("message-content-0").getValue()).isEqualTo("Summarise for {{name}}");

        // when
        test(textArea("message-content-0")).setValue("Summarise briefly for {{name}}");
        click("save-draft");

        // then
        List<PromptVersion> versions = services().versionService().list(actor, "notes");
        assertThat(versions).singleElement().satisfies(v -> {
            assertThat(v.number()).isEqualTo(1);
            assertThat(v.messages().getFirst().content()).isEqualTo("Summarise briefly for {{name}}");
        });
    }

    @Test
    void savingOverTheProductionVersionCreatesANewDraftAndLeavesProductionAlone() {
        // given
        Actor actor = signedInOwnerOf("answer");
        addVersion(actor, "answer", "Answer {{name}}", "live");
        services().versionService().promote(actor, "answer", 1);
        open("answer");
        assertThat(find(Paragraph.class).id("editor-status").getText())
                .isEqualTo("No draft: showing v1 (Production). Save creates a new draft from it.");

        // when
        test(textArea("message-content-0")).setValue("Answer {{name}} politely");
        click("save-draft");

        // then
        assertThat(services().versionService().get(actor, "answer", 1).status()).isEqualTo(VersionStatus.PRODUCTION);
        assertThat(services().versionService().get(actor, "answer", 1).messages().getFirst().content())
                .isEqualTo("Answer {{name}}");
        PromptVersion draft = services().versionService().get(actor, "answer", 2);
        assertThat(draft.status()).isEqualTo(VersionStatus.DRAFT);
        assertThat(draft.messages().getFirst().content()).isEqualTo("Answer {{name}} politely");
        assertThat(find(Paragraph.class).id("editor-status").getText()).isEqualTo("Editing draft v2. Save updates it.");
    }

    @Test
    void messagesCanBeAddedMovedAndRemoved() {
        // given
        Actor actor = signedInOwnerOf("chat");
        open("chat");
        test(textArea("message-content-0")).setValue("first");
        click("add-message");
        test(textArea("message-content-1")).setValue("second");
        click("add-message");
        test(textArea("message-content-2")).setValue("third");
        test(roleSelect(2)).selectItem("Assistant");

        // when
        click("message-up-2");
        click("message-remove-0");
        pickModel(FREE_MODEL);
        click("save-draft");

        // then
        assertThat(services().versionService().get(actor, "chat", 1).messages())
                .containsExactly(new Message("assistant", "third"), new Message("user", "second"));
    }

    @Test
    void undeclaredVariableIsShownAtTheMessageThatUsesIt() {
        // given
        Actor actor = signedInOwnerOf("strict");
        open("strict");
        test(textArea("message-content-0")).setValue("Fine");
        click("add-message");
        test(textArea("message-content-1")).setValue("Hello {{who}}");
        pickModel(FREE_MODEL);

        // when
        click("save-draft");

        // then
        assertThat(textArea("message-content-0").isInvalid()).isFalse();
        assertThat(textArea("message-content-1").isInvalid()).isTrue();
        assertThat(textArea("message-content-1").getErrorMessage()).contains("who");
        assertThat(services().versionService().list(actor, "strict")).isEmpty();
    }

    @Test
    void coreRulesAreShownAtTheirFields() {
        // given
        Actor actor = signedInOwnerOf("ranges");
        open("ranges");
        test(textArea("message-content-0")).setValue("Hi {{1st}}");
        click("add-variable");
        test(textField("variable-name-0")).setValue("1st");
        test(textField("temperature")).setValue("3");
        test(textField("top-p")).setValue("1.5");

        // when
        click("save-draft");

        // then
        assertThat(textField("variable-name-0").isInvalid()).isTrue();
        assertThat(textField("temperature").getErrorMessage()).isEqualTo("must be between 0 and 2");
        assertThat(textField("top-p").getErrorMessage()).isEqualTo("must be between 0 and 1");
        assertThat(modelPicker().isInvalid()).isTrue();
        assertThat(modelPicker().getErrorMessage()).isEqualTo("a model is required");
        assertThat(textField("max-tokens").isInvalid()).isFalse();
        assertThat(services().versionService().list(actor, "ranges")).isEmpty();
    }

    @Test
    void textThatIsNotANumberIsRefusedBeforeAnythingIsSent() {
        // given
        Actor actor = signedInOwnerOf("numbers");
        open("numbers");
        test(textArea("message-content-0")).setValue("Count {{n}}");
        click("add-variable");
        test(textField("variable-name-0")).setValue("n");
        test(find(Select.class).id("variable-type-0")).selectItem("Number");
        test(textField("variable-default-0")).setValue("many");
        pickModel(FREE_MODEL);
        test(textField("temperature")).setValue("warm");
        test(textField("seed")).setValue("4.5");

        // when
        click("save-draft");

        // then
        assertThat(textField("variable-default-0").getErrorMessage()).isEqualTo("Enter a number, or leave empty.");
        assertThat(textField("temperature").getErrorMessage()).isEqualTo("Enter a number, or leave empty.");
        assertThat(textField("seed").getErrorMessage()).isEqualTo("Enter a whole number, or leave empty.");
        assertThat(services().versionService().list(actor, "numbers")).isEmpty();
    }

    @Test
    void modelPickerOnTheFreePlanOffersOnlyFreeModelsWithProviderAndPrice() {
        // given
        signedInOwnerOf("frugal");

        // when
        open("frugal");

        // then
        ComboBoxTester<ComboBox<ModelOffer>, ModelOffer> picker = test(modelPicker());
        assertThat(picker.getSuggestionItems()).extracting(ModelOffer::id).containsExactly(FREE_MODEL);
        assertThat(picker.getSuggestions()).singleElement().asString()
                .contains("fake · " + FREE_MODEL).endsWith("— free");
        assertThat(modelPicker().getHelperText()).contains("free models only");
    }

    @Test
    void modelPickerOnTheProPlanOffersEveryModelWithItsPrices() {
        // given
        User pro = newUser("Pro");
        services().userService().update(Actor.console(admin()), pro.id(),
                new UserChanges(Plan.PRO, null, null));
        services().promptService().create(Actor.console(pro),
                new PromptInput("lavish", null, null, List.of()));
        signIn(pro);

        // when
        open("lavish");

        // then
        ComboBoxTester<ComboBox<ModelOffer>, ModelOffer> picker = test(modelPicker());
        assertThat(picker.getSuggestionItems()).extracting(ModelOffer::id).containsExactlyInAnyOrder(FREE_MODEL,
                FakeModelProvider.PREMIUM_MODEL, FakeModelProvider.VARIABLE_MODEL);
        assertThat(picker.getSuggestions()).anySatisfy(label -> assertThat(label)
                .contains("fake · " + FakeModelProvider.PREMIUM_MODEL)
                .endsWith("$1.00 in / $2.00 out per million tokens + $0.0001 per request"));
        assertThat(picker.getSuggestions()).anySatisfy(label -> assertThat(label)
                .contains(FakeModelProvider.VARIABLE_MODEL).endsWith("— variable price"));
        assertThat(modelPicker().getHelperText()).isNull();
    }

    @Test
    void versionWithAModelThePlanDoesNotAllowAsksForAnother() {
        // given
        Actor actor = signedInOwnerOf("downgraded");
        services().versionService().create(actor, "downgraded", new VersionInput(
                List.of(new Message("user", "Hi")), List.of(), FakeModelProvider.PREMIUM_MODEL,
                ModelParameters.none(), null));

        // when
        open("downgraded");

        // then
        assertThat(modelPicker().getValue()).isNull();
        assertThat(modelPicker().isInvalid()).isTrue();
        assertThat(modelPicker().getErrorMessage()).contains(FakeModelProvider.PREMIUM_MODEL);
    }

    @Test
    void runButtonGoesToThePromptsRunPage() {
        // given
        signedInOwnerOf("runnable");
        open("runnable");

        // when
        click("run");

        // then
        assertThat(currentPath()).isEqualTo("prompts/runnable/run");
    }

    @Test
    void anotherUsersPromptIsNotFound() {
        // given
        User owner = newUser("Owner");
        services().promptService().create(Actor.console(owner),
                new PromptInput("private-one", null, null, List.of()));
        signIn(newUser("Snoop"));

        // when
        open("private-one");

        // then
        assertThat(find(H1.class).id("error-title").getText()).isEqualTo("Page not found");
        assertThat(find(Span.class).withId("editor-status").exists()).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Select<String> roleSelect(int index) {
        return find(Select.class).id("message-role-" + index);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ModelOffer> modelPicker() {
        return find(ComboBox.class).id("model");
    }

    private void pickModel(String id) {
        ComboBox<ModelOffer> picker = modelPicker();
        picker.setValue(test(picker).getSuggestionItems().stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow());
    }
}
