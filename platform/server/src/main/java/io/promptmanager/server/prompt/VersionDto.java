package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.Message;
import io.promptmanager.core.prompt.ModelParameters;
import io.promptmanager.core.prompt.PromptVersion;
import io.promptmanager.core.prompt.VariableDeclaration;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A version of a prompt; {@code prompt} is the prompt's name, {@code status} DRAFT, PRODUCTION or
 * ARCHIVED, {@code provider} the provider running {@code model} (null when none offered it at save).
 */
public record VersionDto(UUID id, String prompt, int number, String status, List<MessageDto> messages,
                         List<VariableDto> variables, String provider, String model,
                         ParametersDto parameters, String commitMessage, UUID authorId, Instant createdAt,
                         Instant updatedAt) {

    public static VersionDto from(PromptVersion v) {
        return new VersionDto(v.id(), v.promptName(), v.number(), v.status().name(), MessageDto.from(v.messages()),
                v.variables().stream().map(VariableDto::from).toList(), v.provider(), v.model(),
                ParametersDto.from(v.parameters()), v.commitMessage(), v.authorId(), v.createdAt(), v.updatedAt());
    }

    /** A chat message template: role {@code system}, {@code user} or {@code assistant}. */
    public record MessageDto(String role, String content) {
        static List<MessageDto> from(List<Message> messages) {
            return messages.stream().map(m -> new MessageDto(m.role(), m.content())).toList();
        }

        static List<Message> toCore(List<MessageDto> messages) {
            return messages == null ? List.of()
                    : messages.stream().map(m -> m == null ? null : new Message(m.role(), m.content())).toList();
        }
    }

    /** A declared variable: type {@code string}, {@code number} or {@code boolean}; {@code default} matches it. */
    public record VariableDto(String name, String type, Boolean required,
                              @JsonbProperty("default") @JsonbNillable Object defaultValue, String description) {
        static VariableDto from(VariableDeclaration v) {
            return new VariableDto(v.name(), v.type(), v.required(), v.defaultValue(), v.description());
        }

        static List<VariableDeclaration> toCore(List<VariableDto> variables) {
            return variables == null ? List.of() : variables.stream()
                    .map(v -> v == null ? null : new VariableDeclaration(v.name(), v.type(),
                            Boolean.TRUE.equals(v.required()), v.defaultValue(), v.description()))
                    .toList();
        }
    }

    /** Sampling parameters sent with the model call; every field is optional. */
    public record ParametersDto(BigDecimal temperature, Integer maxTokens, BigDecimal topP,
                                BigDecimal frequencyPenalty, BigDecimal presencePenalty, List<String> stop,
                                Long seed) {
        static ParametersDto from(ModelParameters p) {
            return p == null ? null : new ParametersDto(p.temperature(), p.maxTokens(), p.topP(),
                    p.frequencyPenalty(), p.presencePenalty(), p.stop(), p.seed());
        }

        static ModelParameters toCore(ParametersDto p) {
            return p == null ? ModelParameters.none() : new ModelParameters(p.temperature(), p.maxTokens(), p.topP(),
                    p.frequencyPenalty(), p.presencePenalty(), p.stop(), p.seed());
        }
    }
}
