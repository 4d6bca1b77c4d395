package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptmanager.plugin.model.TokenUsage;

/** How a server reports usage: what a request asks for, and what its {@code usage} object holds. */
public interface UsageAccounting {

    /** Adds to a chat request whatever makes the server report usage ({@code stream}: a streamed request). */
    void ask(ObjectNode requestBody, boolean stream);

    /** The usage in a non-null {@code usage} object: tokens, and the cost when the server reports one. */
    TokenUsage read(JsonNode usage);
}
