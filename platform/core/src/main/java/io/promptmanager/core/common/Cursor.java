package io.promptmanager.core.common;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset position in a newest-first list ordered by (created_at DESC, id DESC), encoded as an
 * opaque URL-safe token so clients never see or build it themselves.
 */
public record Cursor(Instant createdAt, UUID id) {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES + Integer.BYTES + 2 * Long.BYTES);
        buffer.putLong(createdAt.getEpochSecond()).putInt(createdAt.getNano())
                .putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits());
        return ENCODER.encodeToString(buffer.array());
    }

    /** Decodes a token from a client; a malformed one is a validation error on {@code cursor}. */
    public static Cursor decode(String token) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(DECODER.decode(token));
            if (buffer.remaining() != Long.BYTES + Integer.BYTES + 2 * Long.BYTES) {
                throw new IllegalArgumentException("length");
            }
            Instant at = Instant.ofEpochSecond(buffer.getLong(), buffer.getInt());
            return new Cursor(at, new UUID(buffer.getLong(), buffer.getLong()));
        } catch (RuntimeException e) {
            throw DomainException.invalid("cursor", "cursor is not valid");
        }
    }

    /** The next page's cursor when a query fetched {@code limit + 1} rows, else null. */
    public static <T> Page<T> page(java.util.List<T> rowsPlusOne, int limit,
                                   java.util.function.Function<T, Cursor> position) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        java.util.List<T> items = rowsPlusOne.subList(0, limit);
        return new Page<>(items, position.apply(items.getLast()).encode());
    }
}
