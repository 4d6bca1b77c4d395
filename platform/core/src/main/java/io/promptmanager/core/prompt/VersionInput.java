package io.promptmanager.core.prompt;

import java.util.List;

/** The content of a version to create, or of a draft to update. */
public record VersionInput(List<Message> messages, List<VariableDeclaration> variables, String model,
                           ModelParameters parameters, String commitMessage) {
}
