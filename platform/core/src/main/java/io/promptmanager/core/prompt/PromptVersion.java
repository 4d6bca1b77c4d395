package io.promptmanager.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One numbered version of a prompt. */
public record PromptVersion(UUID id, String promptName, int number, VersionStatus status,
                            List<Message> messages, List<VariableDeclaration> variables, String model,
                            ModelParameters parameters, String commitMessage, UUID authorId,
                            Instant createdAt, Instant updatedAt) {
}
