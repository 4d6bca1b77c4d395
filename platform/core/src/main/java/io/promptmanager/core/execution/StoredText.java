package io.promptmanager.core.execution;

import io.promptmanager.core.common.Json;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The size-capped, storable copy of a run's output and variables. PostgreSQL text and jsonb
 * cannot hold NUL characters, so those become U+FFFD rather than failing the whole batch.
 */
final class StoredText {
    /** Most UTF-8 bytes kept of an output, and of the variables' JSON. */
    static final int MAX_BYTES = 64 * 1024;
    /** When the variables' JSON is too large, each string value is cut to this many UTF-8 bytes. */
    static final int MAX_VARIABLE_BYTES = 1024;

    private StoredText() {
    }

    /** A text cut to the cap on a character boundary, and whether it was cut. */
    record Capped(String text, boolean truncated) {
    }

    static Capped output(String output) {
        return cap(clean(output == null ? "" : output), MAX_BYTES);
    }

    /** The variables as JSON within the cap: long strings cut first, then nothing kept at all. */
    static Capped variables(Map<String, Object> variables) {
        Map<String, Object> clean = new LinkedHashMap<>();
        variables.forEach((name, value) -> clean.put(clean(name), value instanceof String s ? clean(s) : value));
        String json = Json.write(clean);
        if (utf8Length(json) <= MAX_BYTES) {
            return new Capped(json, false);
        }
        Map<String, Object> shortened = new LinkedHashMap<>();
        clean.forEach((name, value) -> shortened.put(cap(name, MAX_VARIABLE_BYTES).text(),
                value instanceof String s ? cap(s, MAX_VARIABLE_BYTES).text() : value));
        String shorter = Json.write(shortened);
        return new Capped(utf8Length(shorter) <= MAX_BYTES ? shorter : null, true);
    }

    static Capped cap(String text, int maxBytes) {
        if (text.length() <= maxBytes / 3 || utf8Length(text) <= maxBytes) {
            return new Capped(text, false);
        }
        int bytes = 0;
        int end = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            end += Character.charCount(codePoint);
        }
        return new Capped(text.substring(0, end), true);
    }

    private static String clean(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
