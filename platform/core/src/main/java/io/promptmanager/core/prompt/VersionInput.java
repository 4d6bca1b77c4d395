package io.promptmanager.core.prompt;

import java.util.List;

/**
 * The content of a version to create, or of a draft to update.
 *
 * @param provider the provider that runs {@code model}; null or blank: the one provider of the
 *                 catalogue offering that model id
 */
public record VersionInput(List<Message> messages, List<VariableDeclaration> variables, String provider,
                           String model, ModelParameters parameters, String commitMessage) {

    /** Content whose provider is taken from the catalogue. */
    public VersionInput(List<Message> messages, List<VariableDeclaration> variables, String model,
                        ModelParameters parameters, String commitMessage) {
        this(messages, variables, null, model, parameters, commitMessage);
    }

    VersionInput withProvider(String chosen) {
        return new VersionInput(messages, variables, chosen, model, parameters, commitMessage);
    }
}
