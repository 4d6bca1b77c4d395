package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.PromptInput;

import java.util.List;

/** {@code {"name","description","category","tags"}}; on PUT a missing name keeps the current one. */
public record PromptRequest(String name, String description, String category, List<String> tags) {
    PromptInput toInput(String currentName) {
        return new PromptInput(name == null ? currentName : name, description, category,
                tags == null ? List.of() : tags);
    }
}
