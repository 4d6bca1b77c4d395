package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.ProviderException;

import java.io.IOException;

/**
 * Reads a whole (non-streamed) chat completion in one pass over its tokens, keeping only what a
 * {@link CompletionResult} holds: {@code id}, {@code model}, the first choice's message content
 * and finish reason, and the {@code usage} and {@code error} objects (read whole, for the
 * dialect). Everything else is skipped without being built; a repeated field counts by its last
 * value. Single use, one thread.
 */
final class CompletionReader {
    private final WireDialect dialect;
    private String id;
    private String model;
    private boolean hasChoices;
    private String content;
    private String finishReason;
    private JsonNode usage;
    private JsonNode error;

    private CompletionReader(WireDialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @throws ProviderException MALFORMED_RESPONSE when {@code body} is not a chat completion; the
     *                           mapped failure when it holds an {@code error} object
     */
    static CompletionResult read(byte[] body, WireDialect dialect, String keyInUse) {
        CompletionReader reader = new CompletionReader(dialect);
        try (JsonParser parser = Json.parser(body)) {
            reader.readRoot(parser);
        } catch (IOException e) {
            throw Json.malformed(dialect.name());
        }
        return reader.result(keyInUse);
    }

    private void readRoot(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw Json.malformed(dialect.name());
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = textOrSkip(parser);
                case "model" -> model = textOrSkip(parser);
                case "choices" -> readChoices(parser, value);
                case "usage" -> usage = objectOrSkip(parser);
                case "error" -> error = objectOrSkip(parser);
                default -> parser.skipChildren();
            }
        }
    }

    private void readChoices(JsonParser parser, JsonToken value) throws IOException {
        hasChoices = value == JsonToken.START_ARRAY;
        content = null;
        finishReason = null;
        if (!hasChoices) {
            parser.skipChildren();
            return;
        }
        JsonToken first = parser.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return;
        }
        if (first == JsonToken.START_OBJECT) {
            readFirstChoice(parser);
        } else {
            parser.skipChildren();
        }
        for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            if (next == null) {
                throw Json.malformed(dialect.name());
            }
            parser.skipChildren();
        }
    }

    private void readFirstChoice(JsonParser parser) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "message" -> content = value == JsonToken.START_OBJECT ? messageContent(parser) : skipped(parser);
                case "finish_reason" -> finishReason = textOrSkip(parser);
                default -> parser.skipChildren();
            }
        }
    }

    private static String messageContent(JsonParser parser) throws IOException {
        String content = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("content")) {
                content = textOrSkip(parser);
            } else {
                parser.skipChildren();
            }
        }
        return content;
    }

    private CompletionResult result(String keyInUse) {
        if (error != null) {
            throw dialect.errors().inBand(error, false, false, keyInUse);
        }
        if (!hasChoices) {
            throw Json.malformed(dialect.name());
        }
        return new CompletionResult(content == null ? "" : content, finishReason,
                usage == null ? ChatCodec.NO_USAGE : dialect.usage().read(usage), id, model);
    }

    private static String textOrSkip(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.VALUE_STRING ? parser.getText() : skipped(parser);
    }

    private static JsonNode objectOrSkip(JsonParser parser) throws IOException {
        return parser.currentToken() == JsonToken.START_OBJECT ? Json.tree(parser) : skipped(parser);
    }

    private static <T> T skipped(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }
}
