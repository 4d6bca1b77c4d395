package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.keystore.SealContext;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Test master keys and started storages. */
final class Keys {
    static final SealContext ALICE = new SealContext("user:alice", "byok:openrouter");
    static final SealContext BOB = new SealContext("user:bob", "byok:openrouter");
    static final byte[] SECRET = "sk-or-v1-0123456789abcdef0123456789abcdef0123456789abcdef0123456789ab"
            .getBytes(StandardCharsets.UTF_8);

    private Keys() {
    }

    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    static AesGcmKeyStorage started(String masterKeys) {
        AesGcmKeyStorage storage = new AesGcmKeyStorage();
        storage.start(new MapSettings(Map.of("master-keys", masterKeys)));
        return storage;
    }
}
