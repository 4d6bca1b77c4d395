package io.promptmanager.app;

import io.promptmanager.core.db.StartupException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.logging.Logger;

/**
 * The server-side secret mixed into every API key hash. From {@code PM_API_KEY_PEPPER} when set
 * (every node of a cluster must share it), otherwise from a file in the data folder created at
 * first start with owner-only permissions. Losing it invalidates every API key.
 */
final class ApiKeyPepper {
    private static final Logger LOG = Logger.getLogger(ApiKeyPepper.class.getName());
    private static final int MIN_LENGTH = 32;

    private ApiKeyPepper() {
    }

    static byte[] resolve(String configured, Path dataDir) {
        if (!configured.isEmpty()) {
            byte[] pepper = configured.getBytes(StandardCharsets.UTF_8);
            if (pepper.length < MIN_LENGTH) {
                throw new StartupException("PM_API_KEY_PEPPER must be at least " + MIN_LENGTH + " bytes long");
            }
            return pepper;
        }
        Path file = dataDir.resolve("secrets").resolve("api-key-pepper");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            return create(file);
        } catch (IOException | IllegalArgumentException e) {
            throw new StartupException("Cannot read or create the API key pepper " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] create(Path file) throws IOException {
        byte[] pepper = new byte[MIN_LENGTH];
        new SecureRandom().nextBytes(pepper);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(pepper) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data folder's own permissions protect it
        }
        LOG.warning(() -> "Created the API key pepper " + file + ": back it up with the data folder;"
                + " without it every API key stops working. Clusters: set PM_API_KEY_PEPPER on every node.");
        return pepper;
    }
}
