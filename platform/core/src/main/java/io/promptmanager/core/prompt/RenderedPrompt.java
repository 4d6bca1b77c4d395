package io.promptmanager.core.prompt;

import java.util.List;

/**
 * A version's messages with every variable filled in, plus what the model call would use.
 *
 * @param provider the version's provider; null when it names none (see {@link PromptVersion#provider()})
 */
public record RenderedPrompt(String promptName, int version, List<Message> messages, String provider, String model,
                             ModelParameters parameters) {
}
