package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.VersionInput;
import io.promptmanager.server.prompt.VersionDto.MessageDto;
import io.promptmanager.server.prompt.VersionDto.ParametersDto;
import io.promptmanager.server.prompt.VersionDto.VariableDto;

import java.util.List;

/**
 * {@code {"messages","variables","provider","model","parameters","commitMessage"}}: a new version or a
 * draft's new content; without {@code provider}, the one provider offering the model is recorded.
 */
public record VersionRequest(List<MessageDto> messages, List<VariableDto> variables, String provider, String model,
                             ParametersDto parameters, String commitMessage) {
    VersionInput toInput() {
        return new VersionInput(MessageDto.toCore(messages), VariableDto.toCore(variables), provider, model,
                ParametersDto.toCore(parameters), commitMessage);
    }
}
