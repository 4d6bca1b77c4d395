package io.promptmanager.core.apikey;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Makes and hashes API key secrets. A secret is {@code pmk_}, 32 random base62 characters
 * (190 bits) and a 6-character base62 CRC32 of what precedes it: secret scanners can match the
 * prefix and tell a real key from a look-alike by the checksum, and a mistyped key is refused
 * without a database query. Secrets are stored only as HMAC-SHA-256 under a server-side pepper,
 * so a copy of the database alone cannot be used to find or test keys. Thread-safe.
 */
public final class ApiKeyCodec {
    public static final String PREFIX = "pmk_";
    static final int RANDOM_LENGTH = 32;
    static final int CHECKSUM_LENGTH = 6;
    static final int MIN_PEPPER_BYTES = 32;
    private static final int VISIBLE_RANDOM_CHARS = 4;
    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String HMAC = "HmacSHA256";

    // Keyed once; each hash works on a clone, which skips the provider lookup and the key setup
    // that every authenticated request would otherwise pay.
    private final Mac keyedMac;
    private final SecureRandom random = new SecureRandom();

    /** @param pepper the server-side HMAC key, at least 32 bytes; copied */
    public ApiKeyCodec(byte[] pepper) {
        if (pepper == null || pepper.length < MIN_PEPPER_BYTES) {
            throw new IllegalArgumentException("The API key pepper must be at least " + MIN_PEPPER_BYTES + " bytes");
        }
        try {
            this.keyedMac = Mac.getInstance(HMAC);
            keyedMac.init(new SecretKeySpec(Arrays.copyOf(pepper, pepper.length), HMAC));
            ((Mac) keyedMac.clone()).doFinal();
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException("A cloneable HMAC-SHA-256 is not available", e);
        }
    }

    /** A new random secret. */
    public String generate() {
        StringBuilder secret = new StringBuilder(PREFIX);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            secret.append(BASE62.charAt(random.nextInt(BASE62.length())));
        }
        return secret.append(checksum(secret)).toString();
    }

    /** True when {@code secret} has the shape of a generated key and its checksum matches. */
    public boolean isWellFormed(String secret) {
        if (secret == null || secret.length() != PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH
                || !secret.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < secret.length(); i++) {
            if (BASE62.indexOf(secret.charAt(i)) < 0) {
                return false;
            }
        }
        int body = PREFIX.length() + RANDOM_LENGTH;
        return checksum(secret.substring(0, body)).equals(secret.substring(body));
    }

    /** HMAC-SHA-256 of the secret under the pepper: what the database stores and looks up. */
    public byte[] hash(String secret) {
        try {
            return ((Mac) keyedMac.clone()).doFinal(secret.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HMAC-SHA-256 cannot be cloned", e);
        }
    }

    /** What lists show of a generated key's start: the prefix and 4 random characters. */
    static String visiblePrefix(String secret) {
        return secret.substring(0, PREFIX.length() + VISIBLE_RANDOM_CHARS);
    }

    static String last4(String secret) {
        return secret.substring(secret.length() - 4);
    }

    private static String checksum(CharSequence body) {
        CRC32 crc = new CRC32();
        crc.update(body.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] digits = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            digits[i] = BASE62.charAt((int) (value % BASE62.length()));
            value /= BASE62.length();
        }
        return new String(digits);
    }

    @Override
    public String toString() {
        return "ApiKeyCodec[" + PREFIX + "…]";
    }
}
