package io.promptmanager.core.prompt;

import java.util.List;
import java.util.UUID;

/**
 * A version's messages with every variable filled in, plus what the model call would use.
 *
 * @param versionId the id of the version rendered
 * @param provider the version's provider; null when it names none (see {@link PromptVersion#provider()})
 */
public record RenderedPrompt(String promptName, int version, UUID versionId, List<Message> messages,
                             String provider, String model, ModelParameters parameters) {
}
