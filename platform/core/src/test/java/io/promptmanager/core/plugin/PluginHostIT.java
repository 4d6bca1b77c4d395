package io.promptmanager.core.plugin;

import io.promptmanager.core.testing.LogRecords;
import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.plugin.model.ModelInfo;
import io.promptmanager.plugin.model.ModelProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plugin host against real plugin zips compiled at test time: one plugins folder holding a
 * good plugin and one of each kind of broken plugin. The good one starts with exactly its own
 * settings; each broken one is skipped with its reason on one WARNING line; no setting value is
 * ever logged.
 */
class PluginHostIT {
    private static final String MODEL_PROVIDER = ModelProvider.class.getName();
    private static final String PROBE_SECRET = "sk-probe-0123456789abcdef";
    private static final String OTHER_SECRET = "sk-other-0123456789abcdef";
    private static final String LEAKY_SECRET = "sk-leaky-0123456789abcdef";
    private static final List<String> FAILING = List.of("broken-0.1.0.zip", "io.promptmanager.copy",
            "io.promptmanager.crashing", "io.promptmanager.future", "io.promptmanager.ghost", "io.promptmanager.hanging", "io.promptmanager.leaky",
            "io.promptmanager.needs-key", "io.promptmanager.no-constructor", "not-a-plugin", "slip-1.0.zip");

    @TempDir
    static Path work;
    private static PluginHost host;
    private static LogRecords logs;

    @BeforeAll
    static void startHostOverAFolderOfGoodAndBrokenPlugins() throws IOException {
        Path plugins = work.resolve("plugins");
        Path markers = Files.createDirectories(work.resolve("markers"));
        probe("io.promptmanager.probe", "probe").version("1.2.3").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.future").requires(">=2.0.0")
                .provider("test.future.FutureProvider", "future", "").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.needs-key").requires("0.1.0")
                .provider("test.needskey.NeedsKeyProvider", "needs-key", "settings.require(\"api-key\");").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.unconfigured")
                .provider("test.unconfigured.UnconfiguredProvider", "unconfigured", "settings.require(\"base-url\");")
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.sleepy")
                .provider("test.sleepy.SleepyProvider", "sleepy", "throw new IllegalStateException(\"never started\");")
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.crashing").pluginClass("test.crashing.CrashingPlugin")
                .source("test.crashing.CrashingPlugin", """
                        package test.crashing;
                        public class CrashingPlugin extends org.pf4j.Plugin {
                            @Override public void start() { throw new IllegalStateException("no database for me"); }
                        }
                        """)
                .provider("test.crashing.CrashingProvider", "crashing", "").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.ghost").pluginClass("test.ghost.MissingPlugin")
                .provider("test.ghost.GhostProvider", "ghost", "").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.no-constructor")
                .provider("test.noctor.NoCtorProvider", "no-constructor", "", "public NoCtorProvider(String name) { }")
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.leaky")
                .provider("test.leaky.LeakyProvider", "leaky",
                        "throw new IllegalStateException(\"login refused for \" + settings.require(\"api-key\"));")
                .writeTo(plugins);
        PluginZip.plugin("io.promptmanager.hanging")
                .provider("test.hanging.HangingProvider", "hanging", "Thread.sleep(60_000);").writeTo(plugins);
        PluginZip.plugin("io.promptmanager.copy")
                .source("io.promptmanager.plugin.model.ModelProvider", """
                        package io.promptmanager.plugin.model;
                        public interface ModelProvider extends org.pf4j.ExtensionPoint { String id(); }
                        """)
                .source("test.copy.CopyProvider", """
                        package test.copy;
                        @org.pf4j.Extension
                        public class CopyProvider implements io.promptmanager.plugin.model.ModelProvider {
                            public String id() { return "copy"; }
                        }
                        """).writeTo(plugins);
        Files.write(plugins.resolve("broken-0.1.0.zip"), "this is not a zip archive".getBytes());
        try (ZipOutputStream slip = new ZipOutputStream(Files.newOutputStream(plugins.resolve("slip-1.0.zip")))) {
            slip.putNextEntry(new ZipEntry("../escaped.txt"));
            slip.write("outside".getBytes());
            slip.closeEntry();
        }
        Files.writeString(Files.createDirectories(plugins.resolve("not-a-plugin")).resolve("notes.txt"), "hello");

        logs = LogRecords.capture();
        host = PluginHost.start(plugins, Map.of(
                "probe.api-key", PROBE_SECRET,
                "probe.nested.value", "deep",
                "probe.marker-dir", markers.toString(),
                "other.api-key", OTHER_SECRET,
                "leaky.api-key", LEAKY_SECRET,
                "needs-key.region", "eu",
                "sleepy.enabled", "false"), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        host.close();
        logs.close();
    }

    @Test
    void startsTheGoodPluginAndGivesItExactlyItsOwnSubtree() {
        PluginInfo probe = plugin("io.promptmanager.probe");

        assertThat(probe.status()).isEqualTo(PluginStatus.STARTED);
        assertThat(probe.version()).isEqualTo("1.2.3");
        assertThat(probe.extensionPoints()).containsExactly(MODEL_PROVIDER);
        assertThat(probe.error()).isNull();
        assertThat(probe.enabled()).isTrue();
        assertThat(host.modelProviders()).extracting(ModelProvider::id).containsExactly("probe");
        assertThat(host.modelProviders().getFirst().models()).extracting(ModelInfo::id, ModelInfo::name)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("api-key", PROBE_SECRET),
                        org.assertj.core.groups.Tuple.tuple("nested.value", "deep"),
                        org.assertj.core.groups.Tuple.tuple("marker-dir", work.resolve("markers").toString()));
    }

    @Test
    void skipsAPluginThatRequiresAnotherPluginApiSayingWhichItNeeds() {
        PluginInfo future = plugin("io.promptmanager.future");

        assertThat(future.status()).isEqualTo(PluginStatus.INCOMPATIBLE);
        assertThat(future.error()).contains(">=2.0.0").contains("0.1.0");
        assertThat(future.extensionPoints()).containsExactly(MODEL_PROVIDER);
    }

    @Test
    void skipsAProviderRefusingItsConfigurationNamingTheKey() {
        PluginInfo needsKey = plugin("io.promptmanager.needs-key");

        assertThat(needsKey.status()).isEqualTo(PluginStatus.FAILED);
        assertThat(needsKey.error()).isEqualTo("invalid configuration: plugins.needs-key.api-key is required");
        assertThat(needsKey.configuration()).isEqualTo(new PluginConfiguration(List.of("plugins.needs-key.region"),
                List.of("plugins.needs-key.api-key")));
    }

    @Test
    void reportsAPluginWithNoSettingAtAllThatNeedsOneAsNotConfiguredOnAnInfoLine() {
        PluginInfo unconfigured = plugin("io.promptmanager.unconfigured");

        assertThat(unconfigured.status()).isEqualTo(PluginStatus.NOT_CONFIGURED);
        assertThat(unconfigured.configuration().set()).isEmpty();
        assertThat(unconfigured.configuration().missing()).containsExactly("plugins.unconfigured.base-url");
        assertThat(host.modelProviders()).extracting(ModelProvider::id).doesNotContain("unconfigured");
        assertThat(logs.atLeast(Level.INFO)).filteredOn(r -> logs.message(r).startsWith("Plugin io.promptmanager.unconfigured"))
                .singleElement().satisfies(r -> {
                    assertThat(r.getLevel()).isEqualTo(Level.INFO);
                    assertThat(logs.message(r)).isEqualTo("Plugin io.promptmanager.unconfigured 1.0.0 is installed but "
                            + "not configured, so not started: plugins.unconfigured.base-url is required");
                });
    }

    @Test
    void neverStartsADisabledPlugin() {
        PluginInfo sleepy = plugin("io.promptmanager.sleepy");

        assertThat(sleepy.status()).isEqualTo(PluginStatus.DISABLED);
        assertThat(sleepy.enabled()).isFalse();
        assertThat(sleepy.error()).isNull();
        assertThat(host.modelProviders()).extracting(ModelProvider::id).doesNotContain("sleepy");
    }

    @Test
    void reportsABrokenZipAndAFolderWithoutDescriptor() {
        assertThat(plugin("broken-0.1.0.zip").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(plugin("broken-0.1.0.zip").error()).startsWith("is not a readable plugin zip");
        assertThat(plugin("not-a-plugin").error()).contains("no plugin descriptor");
    }

    @Test
    void refusesAZipWritingOutsideItsFolder() {
        assertThat(plugin("slip-1.0.zip").error()).contains("would be written outside");
        assertThat(work.resolve("plugins").resolveSibling("escaped.txt")).doesNotExist();
    }

    @Test
    void refusesAPluginCarryingItsOwnCopyOfThePluginApi() {
        assertThat(plugin("io.promptmanager.copy").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(plugin("io.promptmanager.copy").error()).startsWith(
                "it bundles its own copy of io.promptmanager.plugin.model.ModelProvider: declare");
    }

    @Test
    void skipsAPluginWhosePluginStartThrows() {
        assertThat(plugin("io.promptmanager.crashing").status()).isEqualTo(PluginStatus.FAILED);
        assertThat(plugin("io.promptmanager.crashing").error())
                .isEqualTo("its Plugin.start failed: IllegalStateException: no database for me");
    }

    @Test
    void skipsAPluginWhosePluginClassIsMissing() {
        assertThat(plugin("io.promptmanager.ghost").error()).isEqualTo("its Plugin-Class test.ghost.MissingPlugin "
                + "cannot be instantiated: ClassNotFoundException: test.ghost.MissingPlugin");
    }

    @Test
    void skipsAnExtensionThatCannotBeInstantiated() {
        assertThat(plugin("io.promptmanager.no-constructor").error())
                .isEqualTo("its extension test.noctor.NoCtorProvider has no public no-argument constructor");
    }

    @Test
    void skipsAProviderThatDoesNotStartInTime() {
        assertThat(plugin("io.promptmanager.hanging").error()).isEqualTo("its model provider 'hanging' did not start within 2 s");
    }

    @Test
    void masksASettingValueThatAPluginPutInItsException() {
        assertThat(plugin("io.promptmanager.leaky").error())
                .isEqualTo("its model provider 'leaky' failed to start: IllegalStateException: login refused for ****");
    }

    @Test
    void logsEachSkippedPluginOnOneWarningLineAndNeverASettingValue() {
        List<LogRecord> warnings = logs.atLeast(Level.WARNING);

        for (String failing : FAILING) {
            assertThat(warnings).as(failing).filteredOn(r -> logs.message(r).contains(failing)).hasSize(1);
        }
        assertThat(warnings).as(logs.text()).hasSize(FAILING.size());
        assertThat(warnings).allSatisfy(r -> {
            assertThat(r.getThrown()).isNull();
            assertThat(logs.message(r)).doesNotContain("\n");
        });
        assertThat(logs.text()).doesNotContain(PROBE_SECRET).doesNotContain(OTHER_SECRET).doesNotContain(LEAKY_SECRET);
    }

    @Test
    void listsEveryPluginFoundSortedById() {
        assertThat(host.plugins()).extracting(PluginInfo::id).isSorted().hasSize(FAILING.size() + 3);
    }

    @Test
    void closingStopsTheProvidersThenThePlugins(@TempDir Path folder) throws IOException {
        Path markers = Files.createDirectories(folder.resolve("markers"));
        probe("io.promptmanager.probe", "probe").writeTo(folder.resolve("plugins"));
        PluginHost own = PluginHost.start(folder.resolve("plugins"), Map.of("probe.marker-dir", markers.toString()));
        assertThat(Files.readString(markers.resolve("probe"))).isEqualTo("started");

        own.close();

        assertThat(Files.readString(markers.resolve("probe"))).isEqualTo("stopped");
        assertThat(own.plugins()).extracting(PluginInfo::status).containsExactly(PluginStatus.STOPPED);
        assertThat(own.modelProviders()).isEmpty();
    }

    @Test
    void refusesASecondProviderWithAnIdAlreadyTaken(@TempDir Path folder) {
        probe("io.promptmanager.twin-a", "twin").writeTo(folder);
        probe("io.promptmanager.twin-b", "twin").writeTo(folder);

        try (PluginHost own = PluginHost.start(folder, Map.of("twin-a.marker-dir", folder.toString(),
                "twin-b.marker-dir", folder.toString()))) {
            assertThat(own.modelProviders()).extracting(ModelProvider::id).containsExactly("twin");
            assertThat(own.plugins()).extracting(PluginInfo::status)
                    .containsExactlyInAnyOrder(PluginStatus.STARTED, PluginStatus.FAILED);
            assertThat(own.plugins()).filteredOn(p -> p.status() == PluginStatus.FAILED).first()
                    .extracting(PluginInfo::error).asString()
                    .matches("its model provider id 'twin' is already provided by plugin io\\.promptmanager\\.twin-[ab]");
        }
    }

    @Test
    void startsWithAnEmptyFolderCreatingItWhenMissing(@TempDir Path folder) {
        try (PluginHost own = PluginHost.start(folder.resolve("missing"))) {
            assertThat(own.plugins()).isEmpty();
            assertThat(own.modelProviders()).isEmpty();
            assertThat(folder.resolve("missing")).isDirectory();
        }
    }

    /** A provider that reports, as its models, the settings it could read (key → value), and marks start and stop. */
    private static PluginZip probe(String pluginId, String providerId) {
        String pkg = "test." + providerId.replace("-", "") + pluginId.substring(pluginId.lastIndexOf('.') + 1).replace("-", "");
        return PluginZip.plugin(pluginId).provider(pkg + ".ProbeProvider", providerId, """
                List<ModelInfo> seen = new ArrayList<>();
                for (String key : List.of("api-key", "nested.value", "marker-dir", "other.api-key", "probe.api-key",
                        "plugins.probe.api-key", "api", "nested")) {
                    settings.get(key).ifPresent(value -> seen.add(new ModelInfo(key, value, 0,
                            new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, null), true)));
                }
                models = List.copyOf(seen);
                marker = Path.of(settings.require("marker-dir")).resolve("%s");
                Files.writeString(marker, "started");
                """.formatted(providerId), """
                private volatile Path marker;
                public void stop() {
                    try {
                        Files.writeString(marker, "stopped");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                """);
    }

    private static PluginInfo plugin(String id) {
        return host.plugins().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not listed in " + host.plugins()));
    }
}
