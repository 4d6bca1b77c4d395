package io.promptmanager.server.execution;

/** The data of a {@code delta} event: the next piece of generated text. */
public record DeltaDto(String text) {
}
