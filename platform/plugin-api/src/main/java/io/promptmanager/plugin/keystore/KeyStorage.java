package io.promptmanager.plugin.keystore;

import io.promptmanager.plugin.PluginConfigurationException;
import io.promptmanager.plugin.PluginSettings;
import org.pf4j.ExtensionPoint;

/**
 * Seals secrets (users' provider keys) for storage by the platform and opens them again. The
 * platform keeps the sealed bytes in its database; a key storage never sees the database and
 * never keeps a secret it sealed or opened.
 *
 * <p>Lifecycle: one instance, {@link #start(PluginSettings)} once before any other call (load
 * or create master keys), then {@link #seal}/{@link #open}/{@link #needsReseal} from many threads
 * at once (they must be thread-safe), then {@link #stop()}. Only {@link KeyStorageException}
 * (and {@link PluginConfigurationException} from start) may leave a call; secrets, sealed bytes
 * and master keys never appear in a message or a log.
 */
public interface KeyStorage extends ExtensionPoint {

    /** Stable lower-kebab id, e.g. {@code aes-gcm}; never null. */
    String id();

    /**
     * Loads the master keys (creating them if the storage is allowed to).
     *
     * @throws PluginConfigurationException when the configured keys are missing or malformed
     */
    void start(PluginSettings settings);

    /** Forgets the master keys held in memory; must not throw. */
    default void stop() {
    }

    /**
     * Seals {@code secret} for {@code context} under the newest master key. Two seals of the
     * same secret give different bytes. The result is self-describing: it names the format
     * version and the master key that sealed it.
     *
     * @param secret  the secret bytes; never null; not retained
     * @param context who owns it and what for; never null
     * @return the sealed bytes; never null
     * @throws KeyStorageException when sealing fails
     */
    byte[] seal(byte[] secret, SealContext context);

    /**
     * Opens bytes sealed by {@link #seal} for the same context.
     *
     * @return the secret; never null
     * @throws KeyStorageException TAMPERED_OR_WRONG_CONTEXT when any byte was changed or the
     *                             context differs; UNKNOWN_MASTER_KEY when the master key that
     *                             sealed it is not configured; MALFORMED for foreign bytes
     */
    byte[] open(byte[] sealed, SealContext context);

    /**
     * True when {@code sealed} was sealed under a master key older than the newest, so the
     * platform should open and seal it again (rotation).
     *
     * @throws KeyStorageException MALFORMED for foreign bytes
     */
    boolean needsReseal(byte[] sealed);
}
