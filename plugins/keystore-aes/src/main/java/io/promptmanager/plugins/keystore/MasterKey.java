package io.promptmanager.plugins.keystore;

import java.util.Arrays;
import java.util.regex.Pattern;

/** One AES-256 master key and the id sealed values name it by. Its toString never shows the key. */
final class MasterKey {
    static final int KEY_BYTES = 32;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final String id;
    private final byte[] key;

    MasterKey(String id, byte[] key) {
        if (!ID.matcher(id).matches() || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("invalid master key");
        }
        this.id = id;
        this.key = key.clone();
    }

    String id() {
        return id;
    }

    /** The key bytes themselves (not a copy: callers only hand them to the cipher). */
    byte[] bytes() {
        return key;
    }

    void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]";
    }
}
