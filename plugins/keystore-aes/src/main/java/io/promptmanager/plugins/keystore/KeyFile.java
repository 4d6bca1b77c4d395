package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Set;

/**
 * The master key file used when {@code master-keys} is not set: read if it exists, otherwise
 * created once with one new random key, readable and writable by its owner only. Same text form
 * as {@code master-keys}, one entry per line, the last the newest.
 */
final class KeyFile {
    static final String SETTING = "key-file";
    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path path;
    private final SecureRandom random;
    private final Clock clock;

    KeyFile(Path path, SecureRandom random, Clock clock) {
        this.path = path;
        this.random = random;
        this.clock = clock;
    }

    /** @throws PluginConfigurationException naming {@code key-file} when it cannot be read, created or parsed */
    MasterKeys loadOrCreate() {
        try {
            if (!Files.exists(path)) {
                create();
            } else {
                warnWhenOthersCanRead();
            }
            return MasterKeys.parse(Files.readString(path, StandardCharsets.UTF_8), SETTING);
        } catch (IOException e) {
            throw new PluginConfigurationException(SETTING, "cannot be read or created at " + path + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private void create() throws IOException {
        byte[] key = new byte[MasterKey.KEY_BYTES];
        random.nextBytes(key);
        String id = "k1-" + DAY.format(clock.instant());
        String text = "# Prompt Manager master keys: id:base64key, one per line, the last one seals new secrets.\n"
                + "# Back this file up: without it, no stored secret can ever be opened again.\n"
                + id + ":" + Base64.getEncoder().encodeToString(key) + "\n";
        java.util.Arrays.fill(key, (byte) 0);
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            Files.createDirectories(parent, ownerOnly("rwx------"));
        }
        try {
            Files.createFile(path, ownerOnly("rw-------"));
        } catch (FileAlreadyExistsException raced) {
            return; // another node created it first: use theirs
        }
        Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        LOG.warn("""
                ************************************************************************
                No master key was configured, so a NEW master key was generated and saved
                to {} (readable by this user only).
                BACK UP THIS FILE NOW and keep it secret: every stored user secret is
                sealed with it, and without it they can never be opened again.
                To manage keys yourself, set PM_MASTER_KEY instead (see docs/keystore.md).
                ************************************************************************""", path);
    }

    private void warnWhenOthersCanRead() throws IOException {
        if (isPosix() && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
            LOG.warn("Master key file {} can be read by other users: restrict it to its owner (chmod 600)", path);
        }
    }

    private FileAttribute<?>[] ownerOnly(String permissions) {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
                : new FileAttribute<?>[0];
    }

    private boolean isPosix() {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
