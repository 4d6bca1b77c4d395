package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.promptmanager.plugins.keystore.Keys.ALICE;
import static io.promptmanager.plugins.keystore.Keys.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class KeyFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @Test
    void createsAnOwnerOnlyKeyFileWithOneNewKeyOnFirstStartAndReusesItOnTheSecond() throws Exception {
        // given no master-keys setting and no key file yet
        Path keyFile = dataDir.resolve("secrets/master-keys");
        Map<String, String> settings = Map.of("key-file", keyFile.toString());

        // when the storage starts for the first time
        AesGcmKeyStorage first = new AesGcmKeyStorage(new SecureRandom(), CLOCK);
        first.start(new MapSettings(settings));
        byte[] sealed = first.seal(SECRET, ALICE);
        String created = Files.readString(keyFile);

        // then the file holds one key, readable and writable by its owner only
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile.getParent())))
                .isEqualTo("rwx------");
        List<String> entries = created.lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(entries).singleElement().asString().startsWith("k1-20260314:");
        assertThat(new String(sealed, 2, 11, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("k1-20260314");

        // when it starts again (a restart), then it reuses that key
        AesGcmKeyStorage second = new AesGcmKeyStorage();
        second.start(new MapSettings(settings));
        assertThat(Files.readString(keyFile)).isEqualTo(created);
        assertThat(second.open(sealed, ALICE)).isEqualTo(SECRET);
        assertThat(second.needsReseal(sealed)).isFalse();
    }

    @Test
    void twoFirstStartsInTwoDataFoldersCreateDifferentKeys(@TempDir Path otherDataDir) throws Exception {
        Path one = dataDir.resolve("master-keys");
        Path two = otherDataDir.resolve("master-keys");
        new AesGcmKeyStorage().start(new MapSettings(Map.of("key-file", one.toString())));
        new AesGcmKeyStorage().start(new MapSettings(Map.of("key-file", two.toString())));

        assertThat(Files.readString(one)).isNotEqualTo(Files.readString(two));
    }

    @Test
    void readsRotatedKeysFromTheFileOnePerLineTheLastSealing() throws Exception {
        Path keyFile = dataDir.resolve("master-keys");
        Files.writeString(keyFile, "# keys\nk1:" + Keys.randomKey() + "\n\nk2:" + Keys.randomKey() + "\n");
        AesGcmKeyStorage storage = new AesGcmKeyStorage();

        storage.start(new MapSettings(Map.of("key-file", keyFile.toString())));

        assertThat(new String(storage.seal(SECRET, ALICE), 2, 2, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("k2");
    }

    @Test
    void aMalformedKeyFileFailsTheStartNamingKeyFile() throws Exception {
        Path keyFile = dataDir.resolve("master-keys");
        Files.writeString(keyFile, "k1:dG9vLXNob3J0\n");

        PluginConfigurationException failure = catchThrowableOfType(PluginConfigurationException.class,
                () -> new AesGcmKeyStorage().start(new MapSettings(Map.of("key-file", keyFile.toString()))));

        assertThat(failure.key()).isEqualTo("key-file");
        assertThat(failure.getMessage()).doesNotContain("dG9vLXNob3J0");
    }

    @Test
    void masterKeysWinOverTheKeyFileWhichIsThenNeverCreated() {
        Path keyFile = dataDir.resolve("master-keys");

        new AesGcmKeyStorage().start(new MapSettings(Map.of("master-keys", "k9:" + Keys.randomKey(),
                "key-file", keyFile.toString())));

        assertThat(keyFile).doesNotExist();
    }
}
