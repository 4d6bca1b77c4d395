package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.KeyStorageException.Reason;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of a sealed value, format version 1:
 * <pre>
 * offset  size  content
 * 0       1     format version, 0x01
 * 1       1     length n of the master key id (1..32)
 * 2       n     master key id, ASCII [A-Za-z0-9._-]
 * 2+n     12    GCM nonce (random per seal)
 * 14+n    ≥16   AES-256-GCM ciphertext followed by its 128-bit tag
 * </pre>
 * The associated data authenticated with the ciphertext is the format version and key id
 * (bytes 0..1+n) followed by {@code SealContext.canonicalBytes()}, so neither the header nor
 * the context can be changed without the value failing to open.
 *
 * @param keyId      the master key that sealed it
 * @param nonce      12 bytes
 * @param ciphertext ciphertext and tag
 */
record SealedValue(String keyId, byte[] nonce, byte[] ciphertext) {
    static final byte VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;

    byte[] header() {
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    byte[] toBytes() {
        byte[] header = header();
        byte[] bytes = new byte[header.length + NONCE_BYTES + ciphertext.length];
        System.arraycopy(header, 0, bytes, 0, header.length);
        System.arraycopy(nonce, 0, bytes, header.length, NONCE_BYTES);
        System.arraycopy(ciphertext, 0, bytes, header.length + NONCE_BYTES, ciphertext.length);
        return bytes;
    }

    /** @throws KeyStorageException MALFORMED when the bytes are not a version-1 sealed value */
    static SealedValue parse(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw malformed();
        }
        if (bytes[0] != VERSION) {
            throw new KeyStorageException(Reason.MALFORMED, "Sealed value has an unknown format version");
        }
        int idLength = Byte.toUnsignedInt(bytes[1]);
        int nonceAt = 2 + idLength;
        if (idLength == 0 || idLength > 32 || bytes.length < nonceAt + NONCE_BYTES + TAG_BYTES) {
            throw malformed();
        }
        String keyId = new String(bytes, 2, idLength, StandardCharsets.US_ASCII);
        if (!MasterKey.ID.matcher(keyId).matches()) {
            throw malformed();
        }
        return new SealedValue(keyId, Arrays.copyOfRange(bytes, nonceAt, nonceAt + NONCE_BYTES),
                Arrays.copyOfRange(bytes, nonceAt + NONCE_BYTES, bytes.length));
    }

    private static KeyStorageException malformed() {
        return new KeyStorageException(Reason.MALFORMED, "Sealed value is not in the aes-gcm format");
    }
}
