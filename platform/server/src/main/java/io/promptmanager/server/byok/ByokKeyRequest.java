package io.promptmanager.server.byok;

/** {@code {"key": "sk-or-v1-…"}}; {@link #toString()} never shows the key. */
public record ByokKeyRequest(String key) {
    @Override
    public String toString() {
        return "ByokKeyRequest[key=" + (key == null ? "null" : "…") + "]";
    }
}
