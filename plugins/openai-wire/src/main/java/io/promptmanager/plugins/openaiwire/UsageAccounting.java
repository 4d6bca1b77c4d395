package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptmanager.plugin.model.TokenUsage;

import java.io.IOException;

/** How a server reports usage: what a request asks for, and what its {@code usage} object holds. */
public interface UsageAccounting {

    /**
     * Writes into a chat request, as fields of its top-level object after all the others, whatever
     * makes the server report usage ({@code stream}: a streamed request); nothing when none is needed.
     */
    void ask(JsonGenerator requestBody, boolean stream) throws IOException;

    /** The usage in a non-null {@code usage} object: tokens, and the cost when the server reports one. */
    TokenUsage read(JsonNode usage);
}
