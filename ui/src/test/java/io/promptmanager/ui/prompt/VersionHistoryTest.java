package io.promptmanager.ui.prompt;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import io.promptmanager.core.prompt.VersionStatus;
import io.promptmanager.core.user.Actor;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VersionHistoryTest extends PromptPageTestBase {

    @Test
    void historyListsEveryVersionNewestFirstWithItsStatus() {
        // given
        Actor actor = signedInOwnerOf("story");
        addVersion(actor, "story", "One {{name}}", "first");
        addVersion(actor, "story", "Two {{name}}", "second");
        services().versionService().promote(actor, "story", 1);
        addVersion(actor, "story", "Three {{name}}", "third");
        services().versionService().archive(actor, "story", 2);

        // when
        open("story");
        showVersions();

        // then
        assertThat(versionGrid().size()).isEqualTo(3);
        assertThat(versionGrid().getRow(0).number()).isEqualTo(3);
        assertThat(versionGrid().getCellText(0, 3)).isEqualTo("third");
        assertThat(badge(3)).isEqualTo("Draft");
        assertThat(badge(2)).isEqualTo("Archived");
        assertThat(badge(1)).isEqualTo("Production");
        assertThat(hasVersionAction(3, "promote-")).isTrue();
        assertThat(hasVersionAction(2, "rollback-")).isTrue();
        assertThat(hasVersionAction(2, "archive-")).isFalse();
        assertThat(hasVersionAction(1, "promote-")).isFalse();
        assertThat(hasVersionAction(1, "archive-")).isTrue();
    }

    @Test
    void promotingADraftMakesItProductionAndArchivesTheFormerOne() {
        // given
        Actor actor = signedInOwnerOf("release");
        addVersion(actor, "release", "Old {{name}}", "old");
        services().versionService().promote(actor, "release", 1);
        addVersion(actor, "release", "New {{name}}", "new");
        open("release");
        showVersions();

        // when
        clickVersionAction(2, "promote-");

        // then
        assertThat(badge(2)).isEqualTo("Production");
        assertThat(badge(1)).isEqualTo("Archived");
        assertThat(services().versionService().production(actor, "release").version().number()).isEqualTo(2);
    }

    @Test
    void promotingTheDraftBeingEditedMakesTheNextSaveANewDraft() {
        // given
        Actor actor = signedInOwnerOf("cycle");
        addVersion(actor, "cycle", "Hi {{name}}", "first");
        open("cycle");
        showVersions();

        // when
        clickVersionAction(1, "promote-");
        test(find(TabSheet.class).id("prompt-tabs")).select(0);

        // then
        assertThat(find(Paragraph.class).id("editor-status").getText())
                .isEqualTo("No draft: showing v1 (Production). Save creates a new draft from it.");
        test(find(TextArea.class).id("message-content-0")).setValue("Hello {{name}}");
        click("save-draft");
        assertThat(services().versionService().get(actor, "cycle", 1).messages().getFirst().content())
                .isEqualTo("Hi {{name}}");
        assertThat(services().versionService().get(actor, "cycle", 2).status()).isEqualTo(VersionStatus.DRAFT);
    }

    @Test
    void rollbackAsksFirstAndCancellingChangesNothing() {
        // given
        Actor actor = signedInOwnerOf("careful");
        addVersion(actor, "careful", "A {{name}}", "a");
        services().versionService().promote(actor, "careful", 1);
        addVersion(actor, "careful", "B {{name}}", "b");
        services().versionService().promote(actor, "careful", 2);
        open("careful");
        showVersions();

        // when
        clickVersionAction(1, "rollback-");
        ConfirmDialog dialog = find(ConfirmDialog.class).id("confirm-dialog");
        assertThat(test(dialog).getHeader()).isEqualTo("Roll back to v1?");
        test(dialog).cancel();

        // then
        assertThat(badge(2)).isEqualTo("Production");
        assertThat(badge(1)).isEqualTo("Archived");
    }

    @Test
    void confirmedRollbackPutsTheArchivedVersionBackInProduction() {
        // given
        Actor actor = signedInOwnerOf("oops");
        addVersion(actor, "oops", "Good {{name}}", "good");
        services().versionService().promote(actor, "oops", 1);
        addVersion(actor, "oops", "Bad {{name}}", "bad");
        services().versionService().promote(actor, "oops", 2);
        open("oops");
        showVersions();

        // when
        clickVersionAction(1, "rollback-");
        test(find(ConfirmDialog.class).id("confirm-dialog")).confirm();

        // then
        assertThat(badge(1)).isEqualTo("Production");
        assertThat(badge(2)).isEqualTo("Archived");
        assertThat(services().versionService().production(actor, "oops").version().number()).isEqualTo(1);
    }

    @Test
    void archivingTheProductionVersionWarnsThatNoneWillBeLeft() {
        // given
        Actor actor = signedInOwnerOf("retire");
        addVersion(actor, "retire", "Bye {{name}}", "last");
        services().versionService().promote(actor, "retire", 1);
        open("retire");
        showVersions();

        // when
        clickVersionAction(1, "archive-");
        ConfirmDialog dialog = find(ConfirmDialog.class).id("confirm-dialog");
        assertThat(test(dialog).getText()).contains("without a production version");
        test(dialog).confirm();

        // then
        assertThat(badge(1)).isEqualTo("Archived");
        assertThat(services().versionService().get(actor, "retire", 1).status()).isEqualTo(VersionStatus.ARCHIVED);
    }

    @Test
    void openingAnOlderVersionInTheEditorShowsItsContent() {
        // given
        Actor actor = signedInOwnerOf("history");
        addVersion(actor, "history", "Old text {{name}}", "old");
        services().versionService().promote(actor, "history", 1);
        addVersion(actor, "history", "New text {{name}}", "new");
        open("history");
        showVersions();

        // when
        clickVersionAction(1, "edit-version-");

        // then
        assertThat(find(TextArea.class).id("message-content-0").getValue()).isEqualTo("Old text {{name}}");
        assertThat(find(Paragraph.class).id("editor-status").getText())
                .isEqualTo("No draft: showing v1 (Production). Save creates a new draft from it.");
    }

    @Test
    void compareOpensTheDiffOfTheChosenVersions() {
        // given
        Actor actor = signedInOwnerOf("pair");
        addVersion(actor, "pair", "A {{name}}", "a");
        addVersion(actor, "pair", "B {{name}}", "b");
        addVersion(actor, "pair", "C {{name}}", "c");
        open("pair");
        showVersions();
        assertThat(versionSelect("diff-from").getValue()).isEqualTo(2);
        assertThat(versionSelect("diff-to").getValue()).isEqualTo(3);

        // when
        test(versionSelect("diff-from")).selectItem("v1");
        click("compare");

        // then
        assertThat(currentPath()).isIn("prompts/pair/diff?from=1&to=3", "prompts/pair/diff?to=3&from=1");
    }

    @Test
    void versionsTabInTheAddressOpensTheHistory() {
        // given
        Actor actor = signedInOwnerOf("direct");
        addVersion(actor, "direct", "Hi {{name}}", "first");

        // when
        open("prompts/direct", Map.of("tab", "versions"));

        // then
        assertThat(test(find(TabSheet.class).id("prompt-tabs")).isSelected(1)).isTrue();
        assertThat(badge(1)).isEqualTo("Draft");
    }

    @Test
    void promptWithoutVersionsSaysHowToStart() {
        // given
        signedInOwnerOf("blank");
        open("blank");

        // when
        showVersions();

        // then
        assertThat(find(Paragraph.class).id("versions-empty").getText())
                .isEqualTo("No versions yet. Write the first one in the draft editor and save it.");
    }

    @SuppressWarnings("unchecked")
    private Select<Integer> versionSelect(String id) {
        return find(Select.class).id(id);
    }
}
