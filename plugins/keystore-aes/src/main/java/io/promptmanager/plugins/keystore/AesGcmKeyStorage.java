package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.KeyStorageException.Reason;
import io.promptmanager.plugin.keystore.SealContext;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;

/**
 * AES-256-GCM key storage (id {@value #ID}) in the format of {@link SealedValue}: a fresh random
 * 96-bit nonce per seal, a 128-bit tag, and the sealing context as associated data.
 *
 * <p>Settings ({@code plugins.keystore-aes.*}): {@code master-keys} (entries {@code id:base64key},
 * comma-separated, the last seals; {@code PM_MASTER_KEY}), else {@code key-file}, created with
 * one random key at first start. Thread-safe: a new cipher per call, the keys are immutable.
 */
@Extension
public final class AesGcmKeyStorage implements KeyStorage {
    static final String ID = "aes-gcm";
    static final String MASTER_KEYS = "master-keys";
    private static final Logger LOG = LoggerFactory.getLogger(AesGcmKeyStorage.class);
    private static final int TAG_BITS = SealedValue.TAG_BYTES * 8;

    private final SecureRandom random;
    private final Clock clock;
    private volatile MasterKeys keys;

    /** The constructor PF4J uses. */
    public AesGcmKeyStorage() {
        this(new SecureRandom(), Clock.systemUTC());
    }

    AesGcmKeyStorage(SecureRandom random, Clock clock) {
        this.random = random;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void start(PluginSettings settings) {
        MasterKeys loaded = settings.get(MASTER_KEYS)
                .map(text -> MasterKeys.parse(text, MASTER_KEYS))
                .orElseGet(() -> new KeyFile(keyFile(settings), random, clock).loadOrCreate());
        keys = loaded;
        LOG.info("AES-GCM key storage started with master keys {} (newest {})", loaded.ids(), loaded.newest().id());
    }

    private static Path keyFile(PluginSettings settings) {
        String file = settings.get(KeyFile.SETTING).orElseThrow(() -> new PluginConfigurationException(
                MASTER_KEYS, "is required when " + KeyFile.SETTING + " is not set"));
        try {
            return Path.of(file.strip());
        } catch (java.nio.file.InvalidPathException e) {
            throw new PluginConfigurationException(KeyFile.SETTING, "is not a valid path");
        }
    }

    @Override
    public void stop() {
        MasterKeys held = keys;
        keys = null;
        if (held != null) {
            held.destroy();
        }
    }

    @Override
    public byte[] seal(byte[] secret, SealContext context) {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(context, "context");
        MasterKey key = started().newest();
        byte[] nonce = new byte[SealedValue.NONCE_BYTES];
        random.nextBytes(nonce);
        SealedValue header = new SealedValue(key.id(), nonce, new byte[0]);
        GCMModeCipher cipher = cipher(true, key, header, context);
        byte[] ciphertext = new byte[cipher.getOutputSize(secret.length)];
        try {
            int written = cipher.processBytes(secret, 0, secret.length, ciphertext, 0);
            cipher.doFinal(ciphertext, written);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new KeyStorageException(Reason.INTERNAL, "Sealing failed (" + e.getClass().getSimpleName() + ")");
        }
        return new SealedValue(key.id(), nonce, ciphertext).toBytes();
    }

    @Override
    public byte[] open(byte[] sealed, SealContext context) {
        Objects.requireNonNull(context, "context");
        SealedValue value = SealedValue.parse(sealed);
        MasterKey key = started().find(value.keyId()).orElseThrow(() -> new KeyStorageException(
                Reason.UNKNOWN_MASTER_KEY, "Sealed value names master key " + value.keyId() + ", which is not configured"));
        GCMModeCipher cipher = cipher(false, key, value, context);
        byte[] plain = new byte[cipher.getOutputSize(value.ciphertext().length)];
        try {
            int written = cipher.processBytes(value.ciphertext(), 0, value.ciphertext().length, plain, 0);
            written += cipher.doFinal(plain, written);
            return written == plain.length ? plain : java.util.Arrays.copyOf(plain, written);
        } catch (InvalidCipherTextException e) {
            java.util.Arrays.fill(plain, (byte) 0);
            throw new KeyStorageException(Reason.TAMPERED_OR_WRONG_CONTEXT,
                    "Sealed value was altered or belongs to another owner or purpose");
        }
    }

    @Override
    public boolean needsReseal(byte[] sealed) {
        return !SealedValue.parse(sealed).keyId().equals(started().newest().id());
    }

    private MasterKeys started() {
        MasterKeys current = keys;
        if (current == null) {
            throw new KeyStorageException(Reason.INTERNAL, "Key storage is not started");
        }
        return current;
    }

    private static GCMModeCipher cipher(boolean sealing, MasterKey key, SealedValue value, SealContext context) {
        byte[] header = value.header();
        byte[] contextBytes = context.canonicalBytes();
        byte[] associated = new byte[header.length + contextBytes.length];
        System.arraycopy(header, 0, associated, 0, header.length);
        System.arraycopy(contextBytes, 0, associated, header.length, contextBytes.length);
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        cipher.init(sealing, new AEADParameters(new KeyParameter(key.bytes()), TAG_BITS, value.nonce(), associated));
        return cipher;
    }
}
