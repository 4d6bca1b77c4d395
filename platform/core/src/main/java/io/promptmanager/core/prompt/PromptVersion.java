package io.promptmanager.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One numbered version of a prompt.
 *
 * @param provider the provider that runs {@code model}, e.g. {@code openrouter}; null when no
 *                 installed provider offered the model when the version was saved (it is then
 *                 looked up in the catalogue when the version runs)
 */
public record PromptVersion(UUID id, String promptName, int number, VersionStatus status,
                            List<Message> messages, List<VariableDeclaration> variables, String provider,
                            String model, ModelParameters parameters, String commitMessage, UUID authorId,
                            Instant createdAt, Instant updatedAt) {

    /** A version that names no provider. */
    public PromptVersion(UUID id, String promptName, int number, VersionStatus status, List<Message> messages,
                         List<VariableDeclaration> variables, String model, ModelParameters parameters,
                         String commitMessage, UUID authorId, Instant createdAt, Instant updatedAt) {
        this(id, promptName, number, status, messages, variables, null, model, parameters, commitMessage, authorId,
                createdAt, updatedAt);
    }
}
