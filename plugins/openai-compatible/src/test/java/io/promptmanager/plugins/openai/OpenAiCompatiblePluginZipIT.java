package io.promptmanager.plugins.openai;

import io.promptmanager.plugin.PluginApi;
import io.promptmanager.plugin.model.CompletionResult;
import io.promptmanager.plugin.model.Credentials;
import io.promptmanager.plugin.model.ModelProvider;
import io.promptmanager.plugins.openaiwire.testing.FakeUpstream;
import io.promptmanager.plugins.openaiwire.testing.MapSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static io.promptmanager.plugins.openaiwire.testing.FakeUpstream.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The packaged plugin zip (built at package; run by failsafe): its PF4J layout, and PF4J loading it. */
class OpenAiCompatiblePluginZipIT {
    private static final Path ZIP = Path.of(System.getProperty("pm.plugin.zip", "target/openai-compatible-0.1.0.zip"));
    private static final String PLUGIN_ID = "io.promptmanager.openai-compatible";

    @Test
    void hasTheLayoutPf4jExpectsOfAZipPlugin() throws IOException {
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();

            assertThat(names).allMatch(name -> name.equals("plugin.properties") || name.startsWith("classes/")
                    || name.startsWith("lib/"));
            assertThat(names).contains("classes/META-INF/extensions.idx",
                    "classes/io/promptmanager/plugins/openai/OpenAiCompatibleModelProvider.class",
                    "classes/io/promptmanager/plugins/openai/OpenAiCompatiblePlugin.class");
            assertThat(names).anyMatch(name -> name.matches("lib/jackson-databind-[0-9.]+\\.jar"))
                    .anyMatch(name -> name.matches("lib/jackson-core-[0-9.]+\\.jar"))
                    .anyMatch(name -> name.matches("lib/jackson-annotations-[0-9.]+\\.jar"))
                    .anyMatch(name -> name.matches("lib/openai-wire-[0-9.]+\\.jar"));
            assertThat(names).as("the host provides these; a bundled copy breaks class identity")
                    .noneMatch(name -> name.matches("lib/(plugin-api|pf4j|slf4j).*"))
                    .noneMatch(name -> name.matches("lib/(core|server|ui|distribution)-.*"));
            assertThat(text(zip, "classes/META-INF/extensions.idx"))
                    .contains("io.promptmanager.plugins.openai.OpenAiCompatibleModelProvider");
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
            assertThat(descriptor.getProperty("plugin.class")).isEqualTo(OpenAiCompatiblePlugin.class.getName());
            assertThat(descriptor.getProperty("plugin.version")).isEqualTo("0.1.0");
            assertThat(new DefaultVersionManager().checkVersionConstraint(PluginApi.VERSION,
                    descriptor.getProperty("plugin.requires"))).isTrue();
            assertThat(new DefaultVersionManager().checkVersionConstraint("1.0.0",
                    descriptor.getProperty("plugin.requires"))).isFalse();
        }
    }

    @Test
    void loadsInPf4jWithItsOwnJacksonAndRunsACompletion(@TempDir Path pluginsDir) throws Exception {
        // given the zip in a plugins folder, as the distribution ships it
        Files.copy(ZIP, pluginsDir.resolve(ZIP.getFileName()));
        DefaultPluginManager manager = new DefaultPluginManager(pluginsDir);
        manager.setSystemVersion(PluginApi.VERSION);
        manager.setExactVersionAllowed(false);
        try (FakeUpstream fake = ProviderTestSupport.fakeOpenAi()) {
            fake.replies("/chat/completions", json(200, ProviderTestSupport.fixture("chat-completion.json")));

            // when
            manager.loadPlugins();
            manager.startPlugins();
            PluginWrapper plugin = manager.getPlugin(PLUGIN_ID);
            List<ModelProvider> providers = manager.getExtensions(ModelProvider.class, PLUGIN_ID);

            // then
            assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
            assertThat(providers).hasSize(1);
            ModelProvider provider = providers.getFirst();
            ClassLoader pluginLoader = plugin.getPluginClassLoader();
            assertThat(provider.getClass().getClassLoader()).isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass("com.fasterxml.jackson.databind.ObjectMapper").getClassLoader())
                    .as("Jackson comes from the plugin's lib/").isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass("io.promptmanager.plugins.openaiwire.UpstreamHttp").getClassLoader())
                    .as("the wire library comes from the plugin's lib/").isSameAs(pluginLoader);
            assertThat(pluginLoader.loadClass(ModelProvider.class.getName()))
                    .as("the plugin API comes from the host").isSameAs(ModelProvider.class);

            assertThat(provider.id()).isEqualTo("openai-compatible");
            provider.start(new MapSettings(Map.of("base-url", fake.baseUrl().toString(),
                    "api-key", "sk-proj-zipit0123456789abcdef", "models", "gpt-4o-mini,llama3.2")));
            try {
                CompletionResult result = provider.complete(ProviderTestSupport.request(Credentials.system()));
                assertThat(result.text()).isEqualTo("The capital of France is Paris.");
                assertThat(provider.models()).hasSize(2);
            } finally {
                provider.stop();
            }
        } finally {
            manager.stopPlugins();
            manager.unloadPlugins();
        }
    }

    private static String text(ZipFile zip, String name) throws IOException {
        try (InputStream in = zip.getInputStream(zip.getEntry(name))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
