package io.promptmanager.server.prompt;

import io.promptmanager.core.prompt.RenderedPrompt;
import io.promptmanager.server.prompt.VersionDto.MessageDto;
import io.promptmanager.server.prompt.VersionDto.ParametersDto;

import java.util.List;

/** A version compiled with the given variables: what a model call would receive. Nothing is run. */
public record RenderedPromptDto(String prompt, int version, List<MessageDto> messages,
                                String provider, String model, ParametersDto parameters) {
    static RenderedPromptDto from(RenderedPrompt r) {
        return new RenderedPromptDto(r.promptName(), r.version(), MessageDto.from(r.messages()), r.provider(),
                r.model(), ParametersDto.from(r.parameters()));
    }
}
