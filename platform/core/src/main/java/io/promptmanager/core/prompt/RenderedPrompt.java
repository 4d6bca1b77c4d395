package io.promptmanager.core.prompt;

import java.util.List;

/** A version's messages with every variable filled in, plus what the model call would use. */
public record RenderedPrompt(String promptName, int version, List<Message> messages, String model,
                             ModelParameters parameters) {
}
