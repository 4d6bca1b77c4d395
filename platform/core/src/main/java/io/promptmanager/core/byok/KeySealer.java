package io.promptmanager.core.byok;

import io.promptmanager.core.common.DomainException;
import io.promptmanager.core.common.ErrorCode;
import io.promptmanager.core.plugin.ContextClassLoader;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.keystore.KeyStorageException;
import io.promptmanager.plugin.keystore.SealContext;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/**
 * Core's door to the key storage plugin for users' provider keys: binds each key to its owner
 * and purpose, and turns "no storage installed" and anything unexpected from the plugin into
 * safe errors.
 */
final class KeySealer {
    static final String PURPOSE = "byok:openrouter";
    static final String NO_STORAGE = "No key storage plugin is installed: saved provider keys are unavailable. "
            + "Ask the operator to install the keystore-aes plugin";

    private final KeyStorage storage;

    KeySealer(Optional<KeyStorage> storage) {
        this.storage = storage.orElse(null);
    }

    boolean installed() {
        return storage != null;
    }

    static SealContext context(UUID userId) {
        return new SealContext("user:" + userId, PURPOSE);
    }

    byte[] seal(UUID userId, String key) {
        KeyStorage store = require();
        return call(store, () -> store.seal(key.getBytes(StandardCharsets.UTF_8), context(userId)));
    }

    /** @throws KeyStorageException when the value cannot be opened */
    String open(UUID userId, byte[] sealed) {
        KeyStorage store = require();
        return new String(call(store, () -> store.open(sealed, context(userId))), StandardCharsets.UTF_8);
    }

    boolean needsReseal(byte[] sealed) {
        KeyStorage store = require();
        return call(store, () -> store.needsReseal(sealed));
    }

    private KeyStorage require() {
        if (storage == null) {
            throw new DomainException(ErrorCode.KEY_STORAGE_UNAVAILABLE, NO_STORAGE);
        }
        return storage;
    }

    /** Only KeyStorageException may leave a plugin: anything else is reported as INTERNAL, without its message. */
    private static <T> T call(KeyStorage store, java.util.function.Supplier<T> action) {
        try {
            return ContextClassLoader.call(store, action);
        } catch (KeyStorageException e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new KeyStorageException(KeyStorageException.Reason.INTERNAL,
                    "the key storage failed unexpectedly (" + e.getClass().getName() + ")");
        }
    }
}
