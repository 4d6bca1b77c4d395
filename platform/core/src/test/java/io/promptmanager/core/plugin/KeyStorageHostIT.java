package io.promptmanager.core.plugin;

import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.plugin.keystore.KeyStorage;
import io.promptmanager.plugin.keystore.SealContext;
import io.promptmanager.plugin.model.ModelProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KeyStorageHostIT {
    @TempDir
    Path work;

    private static String storage(String className, String id) {
        int dot = className.lastIndexOf('.');
        return """
                package %s;

                import io.promptmanager.plugin.*;
                import io.promptmanager.plugin.keystore.*;

                @org.pf4j.Extension
                public class %s implements KeyStorage {
                    private volatile byte mask;
                    public String id() { return "%s"; }
                    public void start(PluginSettings settings) {
                        String key = settings.get("master-key").orElseThrow(() -> new PluginConfigurationException("master-key", "is required"));
                        mask = (byte) key.length();
                    }
                    public byte[] seal(byte[] secret, SealContext context) {
                        byte[] out = secret.clone();
                        for (int i = 0; i < out.length; i++) out[i] ^= mask;
                        return out;
                    }
                    public byte[] open(byte[] sealed, SealContext context) { return seal(sealed, context); }
                    public boolean needsReseal(byte[] sealed) { return false; }
                }
                """.formatted(className.substring(0, dot), className.substring(dot + 1), id);
    }

    @Test
    void startsKeyStoragesWithTheirSubtreeAndSkipsOneRefusingItsConfiguration() {
        Path plugins = work.resolve("plugins");
        PluginZip.plugin("io.promptmanager.vault")
                .source("test.vault.VaultStorage", storage("test.vault.VaultStorage", "vault"))
                .provider("test.vault.VaultModels", "vault-models", "")
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.broken-vault")
                .source("test.broken.BrokenStorage", storage("test.broken.BrokenStorage", "broken"))
                .writeTo(plugins);

        try (PluginHost host = PluginHost.start(plugins, Map.of("vault.master-key", "0123456789", "broken-vault.algorithm", "xor"))) {
            assertThat(host.keyStorages()).extracting(KeyStorage::id).containsExactly("vault");
            assertThat(host.modelProviders()).extracting(ModelProvider::id).containsExactly("vault-models");
            KeyStorage vault = host.keyStorages().getFirst();
            SealContext context = new SealContext("user:1", "byok:openrouter");
            byte[] sealed = vault.seal("secret".getBytes(StandardCharsets.UTF_8), context);
            assertThat(new String(vault.open(sealed, context), StandardCharsets.UTF_8)).isEqualTo("secret");
            PluginInfo broken = host.plugins().stream().filter(p -> p.id().equals("io.promptmanager.broken-vault"))
                    .findFirst().orElseThrow();
            assertThat(broken.status()).isEqualTo(PluginStatus.FAILED);
            assertThat(broken.error()).isEqualTo("invalid configuration: plugins.broken-vault.master-key is required");
        }
    }
}
