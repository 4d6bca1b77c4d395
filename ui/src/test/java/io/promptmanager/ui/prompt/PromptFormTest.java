package io.promptmanager.ui.prompt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromptFormTest {

    @Test
    void tagsAreSplitOnCommasAndSpacesWithoutBlanksOrRepeats() {
        assertThat(PromptForm.parseTags(" docs,weekly  docs, ,release ")).containsExactly("docs", "weekly", "release");
    }

    @Test
    void noTagsGiveAnEmptyList() {
        assertThat(PromptForm.parseTags("  ")).isEmpty();
    }
}
