package io.promptmanager.plugins.openaiwire;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.promptmanager.plugin.model.ProviderException;
import io.promptmanager.plugin.model.ProviderException.Kind;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;

/**
 * JSON on the wire. Numbers with a fraction are read as BigDecimal from their text and kept with
 * their scale (a cost of {@code 0.000123450} stays exactly that, a sampling parameter is never
 * rounded through a double); BigDecimals are written plain.
 */
public final class Json {
    // Calls run on virtual threads, one per request: Jackson's default thread-local buffer pool
    // would hand each call fresh buffers; a shared pool reuses them.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private Json() {
    }

    /** A generator writing UTF-8 to {@code out}, with this class's number rules. */
    static JsonGenerator generator(OutputStream out) throws IOException {
        return MAPPER.createGenerator(out, JsonEncoding.UTF8);
    }

    /** A parser of {@code body}; {@link #tree} reads its values with this class's number rules. */
    static JsonParser parser(byte[] body) throws IOException {
        return MAPPER.createParser(body);
    }

    /** The value {@code parser} is at, read whole. */
    static JsonNode tree(JsonParser parser) throws IOException {
        return MAPPER.readTree(parser);
    }

    /**
     * The JSON document in {@code body}, sent by {@code server}.
     *
     * @throws ProviderException MALFORMED_RESPONSE when it is not JSON (or empty)
     */
    public static JsonNode parse(byte[] body, ServerName server) {
        try {
            return present(MAPPER.readTree(body), server);
        } catch (IOException e) {
            throw malformed(server);
        }
    }

    /** Like {@link #parse(byte[], ServerName)} for a text payload. */
    public static JsonNode parse(String body, ServerName server) {
        try {
            return present(MAPPER.readTree(body), server);
        } catch (IOException e) {
            throw malformed(server);
        }
    }

    /** The JSON object at {@code field}, or null when absent or not an object. */
    public static JsonNode objectAt(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isObject() ? value : null;
    }

    /** The string at {@code field}, or null when absent, null or not a string. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    /** A non-negative count at {@code field}; 0 when absent or not an integer. */
    public static long count(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() && value.canConvertToLong() ? Math.max(0, value.longValue()) : 0;
    }

    /**
     * An exact decimal at {@code field}, from a JSON number or a numeric string (OpenRouter prices
     * are strings); null when absent, null or not a number.
     */
    public static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            try {
                return new BigDecimal(value.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static ProviderException malformed(ServerName server) {
        return Failures.of(Kind.MALFORMED_RESPONSE, server.subject() + " sent a response that is not the JSON it documents",
                false);
    }

    private static JsonNode present(JsonNode node, ServerName server) {
        if (node == null || node.isMissingNode()) {
            throw malformed(server);
        }
        return node;
    }
}
