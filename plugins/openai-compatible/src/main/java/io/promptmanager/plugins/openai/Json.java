package io.promptmanager.plugins.openai;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import java.io.IOException;

/**
 * JSON on the wire. Numbers with a fraction are read as BigDecimal from their text (no double
 * rounding of a sampling parameter); BigDecimals are written plain.
 */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw Failures.internal("Could not write the request to the model server", e);
        }
    }

    /**
     * The JSON document in {@code body}.
     *
     * @throws ProviderException MALFORMED_RESPONSE when it is not JSON (or empty)
     */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed();
            }
            return node;
        } catch (IOException e) {
            throw malformed();
        }
    }

    /** Like {@link #parse(byte[])} for a text payload. */
    static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed();
            }
            return node;
        } catch (IOException e) {
            throw malformed();
        }
    }

    /** The JSON object at {@code field}, or null when absent or not an object. */
    static JsonNode objectAt(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** The string at {@code field}, or null when absent, null or not a string. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A non-negative count at {@code field}; 0 when absent or not an integer. */
    static long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? Math.max(0, value.longValue()) : 0;
    }

    static ProviderException malformed() {
        return Failures.of(Kind.MALFORMED_RESPONSE, "The model server sent a response that is not the JSON it documents", false);
    }
}
