package io.promptmanager.plugin.keystore;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Who a sealed secret belongs to and what it is for, e.g. owner {@code user:5f0c…} and purpose
 * {@code byok:openrouter}. A key storage binds the sealed value to its context (AES-GCM
 * associated data), so a value copied to another owner's row, or reused for another purpose,
 * does not open.
 *
 * @param owner   stable id of the owner; never null or blank
 * @param purpose what the secret is for; never null or blank
 */
public record SealContext(String owner, String purpose) {
    public SealContext {
        if (owner == null || owner.isBlank() || purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("owner and purpose are required");
        }
    }

    /** The canonical bytes of this context, to authenticate alongside a sealed value. */
    public byte[] canonicalBytes() {
        return (owner.length() + ":" + owner + "|" + purpose.length() + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SealContext that && owner.equals(that.owner) && purpose.equals(that.purpose);
    }

    @Override
    public int hashCode() {
        return Objects.hash(owner, purpose);
    }
}
