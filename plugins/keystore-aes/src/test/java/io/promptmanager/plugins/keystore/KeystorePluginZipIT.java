package io.promptmanager.plugins.keystore;

import io.promptmanager.plugin.PluginApi;
import io.promptmanager.plugin.keystore.KeyStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.promptmanager.plugins.keystore.Keys.ALICE;
import static io.promptmanager.plugins.keystore.Keys.BOB;
import static io.promptmanager.plugins.keystore.Keys.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The packaged plugin zip (built at package; run by failsafe): its PF4J layout, and PF4J loading it. */
class KeystorePluginZipIT {
    private static final Path ZIP = Path.of(System.getProperty("pm.plugin.zip", "target/keystore-aes-0.1.0.zip"));
    private static final String PLUGIN_ID = "io.promptmanager.keystore-aes";

    @Test
    void hasTheLayoutPf4jExpectsWithOnlyBouncyCastleInLib() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();

            assertThat(names).allMatch(name -> name.equals("plugin.properties") || name.startsWith("classes/")
                    || name.startsWith("lib/"));
            assertThat(names).contains("classes/META-INF/extensions.idx",
                    "classes/io/promptmanager/plugins/keystore/AesGcmKeyStorage.class",
                    "classes/io/promptmanager/plugins/keystore/KeystorePlugin.class");
            assertThat(names.stream().filter(name -> name.startsWith("lib/") && !name.equals("lib/")))
                    .singleElement().asString().matches("lib/bcprov-jdk18on-[0-9.]+\\.jar");
            try (InputStream in = zip.getInputStream(zip.getEntry("classes/META-INF/extensions.idx"))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(AesGcmKeyStorage.class.getName());
            }
        }
    }

    @Test
    void describesItselfForPf4jAndRequiresThisPluginApi() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            Properties descriptor = new Properties();
            try (InputStream in = zip.getInputStream(zip.getEntry("plugin.properties"))) {
                descriptor.load(in);
            }

            assertThat(descriptor.getProperty("plugin.id")).isEqualTo(PLUGIN_ID);
            assertThat(descriptor.getProperty("plugin.class")).isEqualTo(KeystorePlugin.class.getName());
            assertThat(new DefaultVersionManager().checkVersionConstraint(PluginApi.VERSION,
                    descriptor.getProperty("plugin.requires"))).isTrue();
        }
    }

    @Test
    void loadsInPf4jWithItsOwnBouncyCastleAndSealsAndOpens(@TempDir Path pluginsDir, @TempDir Path dataDir)
            throws Exception {
        // given the zip in a plugins folder, as the distribution ships it
        Files.copy(ZIP, pluginsDir.resolve(ZIP.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.setExactVersionAllowed(false);
        try {
            // when
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(PLUGIN_ID);
            List<KeyStorage> storages = manager.getExtensions(KeyStorage.class, PLUGIN_ID);

            // then
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
            assertThat(storages).singleElement().extracting(KeyStorage::id).isEqualTo("aes-gcm");
            KeyStorage storage = storages.getFirst();
            ClassLoader pluginLoader = plugin.getPluginClassLoader();
            assertThat(storage.getClass().getClassLoader()).isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass("org.bouncycastle.crypto.engines.AESEngine").getClassLoader())
                    .as("Bouncy Castle comes from the plugin's lib/").isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass(KeyStorage.class.getName()))
                    .as("the plugin API comes from the host").isSameAs(KeyStorage.class);

            Path keyFile = dataDir.resolve("secrets/master-keys");
            storage.start(new MapSettings(Map.of("key-file", keyFile.toString())));
            try {
                byte[] sealed = storage.seal(SECRET, ALICE);
                assertThat(storage.open(sealed, ALICE)).isEqualTo(SECRET);
                assertThatThrownBy(() -> storage.open(sealed, BOB)).isInstanceOf(
                        io.promptmanager.plugin.keystore.KeyStorageException.class);
                assertThat(keyFile).exists();
            } finally {
                storage.stop();
            }
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }
}
