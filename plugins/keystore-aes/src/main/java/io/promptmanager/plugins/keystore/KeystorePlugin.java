package io.promptmanager.plugins.keystore;

import org.pf4j.Plugin;

/**
 * The PF4J plugin holding {@link AesGcmKeyStorage}. It has no life of its own: the storage is
 * started and stopped by the host through {@code KeyStorage.start/stop}.
 */
public final class KeystorePlugin extends Plugin {
}
