package io.promptmanager.core.apikey;

/** A key just created: the only moment its secret exists outside the caller's hands. */
public record CreatedApiKey(ApiKey apiKey, String secret) {
    @Override
    public String toString() {
        return "CreatedApiKey[" + apiKey + "]";
    }
}
