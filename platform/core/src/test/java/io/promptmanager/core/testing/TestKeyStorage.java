package io.promptmanager.core.testing;

import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.KeyStorageException.Reason;
import io.promptmanager.plugin.keystore.SealContext;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key storage for core's tests that really encrypts, with the JDK's AES-GCM: format version
 * byte, master key id byte, 96-bit nonce, ciphertext and tag, the context as associated data. The
 * last master key given seals; all of them open. (The real plugin is tested in its own module.)
 */
public final class TestKeyStorage implements KeyStorage {
    private static final byte VERSION = 1;
    private static final int NONCE = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<Byte, SecretKeySpec> masterKeys = new LinkedHashMap<>();
    private final byte newest;

    /** @param masterKeyIds ids of deterministic test master keys, oldest first; the last one seals */
    public TestKeyStorage(int... masterKeyIds) {
        for (int id : masterKeyIds) {
            masterKeys.put((byte) id, new SecretKeySpec(masterKey(id), "AES"));
        }
        this.newest = (byte) masterKeyIds[masterKeyIds.length - 1];
    }

    private static byte[] masterKey(int id) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (id * 31 + i * 7);
        }
        return key;
    }

    @Override
    public String id() {
        return "test-aes-gcm";
    }

    @Override
    public void start(PluginSettings settings) {
    }

    @Override
    public byte[] seal(byte[] secret, SealContext context) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, masterKeys.get(newest), nonce, context, secret, 0, secret.length);
        return ByteBuffer.allocate(2 + NONCE + ciphertext.length).put(VERSION).put(newest).put(nonce).put(ciphertext)
                .array();
    }

    @Override
    public byte[] open(byte[] sealed, SealContext context) {
        if (sealed.length < 2 + NONCE + 16 || sealed[0] != VERSION) {
            throw new KeyStorageException(Reason.MALFORMED, "not a sealed value of this storage");
        }
        SecretKeySpec key = masterKeys.get(sealed[1]);
        if (key == null) {
            throw new KeyStorageException(Reason.UNKNOWN_MASTER_KEY, "sealed under master key " + sealed[1]
                    + ", which is not configured");
        }
        byte[] nonce = java.util.Arrays.copyOfRange(sealed, 2, 2 + NONCE);
        return crypt(Cipher.DECRYPT_MODE, key, nonce, context, sealed, 2 + NONCE, sealed.length - 2 - NONCE);
    }

    @Override
    public boolean needsReseal(byte[] sealed) {
        if (sealed.length < 2 || sealed[0] != VERSION) {
            throw new KeyStorageException(Reason.MALFORMED, "not a sealed value of this storage");
        }
        return sealed[1] != newest;
    }

    /** The master key id that sealed {@code sealed}. */
    public static int masterKeyOf(byte[] sealed) {
        return sealed[1];
    }

    private static byte[] crypt(int mode, SecretKeySpec key, byte[] nonce, SealContext context, byte[] input,
                                int offset, int length) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(context.canonicalBytes());
            return cipher.doFinal(input, offset, length);
        } catch (AEADBadTagException e) {
            throw new KeyStorageException(Reason.TAMPERED_OR_WRONG_CONTEXT, "the sealed value does not open");
        } catch (GeneralSecurityException e) {
            throw new KeyStorageException(Reason.INTERNAL, "AES-GCM failed", e);
        }
    }
}
