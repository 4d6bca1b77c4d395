package io.promptmanager.ui.admin;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridTester;
import io.promptmanager.core.plugin.PluginHost;
import io.promptmanager.core.plugin.PluginInfo;
import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.core.testing.TestPlatform;
import io.promptmanager.ui.ConsoleBrowserlessTest;
import io.promptmanager.ui.ConsolePlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

@ConsolePlatform(AdminPluginsViewTest.WithPlugins.class)
class AdminPluginsViewTest extends ConsoleBrowserlessTest {
    private static final String SECRET = "sk-acme-0123456789abcdef";
    private static PluginHost host;

    /** A real plugin host over a configured plugin, one with no setting, an incompatible one and a broken zip. */
    public static final class WithPlugins implements Supplier<TestPlatform> {
        @Override
        public TestPlatform get() {
            try {
                Path plugins = Files.createTempDirectory("pm-plugins");
                PluginZip.plugin("io.promptmanager.acme").version("2.1.0")
                        .provider("test.acme.AcmeProvider", "acme", """
                                settings.require("api-key");
                                models = List.of();
                                """).writeTo(plugins);
                PluginZip.plugin("io.promptmanager.needy").version("1.0.0")
                        .provider("test.needy.NeedyProvider", "needy", "settings.require(\"token\");").writeTo(plugins);
                PluginZip.plugin("io.promptmanager.later").requires(">=9.0.0")
                        .provider("test.later.LaterProvider", "later", "").writeTo(plugins);
                Files.write(plugins.resolve("garbage-1.0.zip"), new byte[]{1, 2, 3});
                host = PluginHost.start(plugins, Map.of("acme.api-key", SECRET));
                return TestPlatform.start(host);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @AfterAll
    static void stopPlugins() {
        host.close();
    }

    @Test
    void listsEveryPluginWithVersionStatusExtensionPointsAndError() {
        // given
        signIn(admin());

        // when
        navigate(AdminPluginsView.class);

        // then
        GridTester<Grid<PluginInfo>, PluginInfo> grid = plugins();
        Map<String, Integer> rows = new HashMap<>();
        for (int row = 0; row < grid.size(); row++) {
            rows.put(grid.getCellText(row, 0), row);
        }
        assertThat(rows).containsOnlyKeys("io.promptmanager.acme", "io.promptmanager.needy", "io.promptmanager.later",
                "garbage-1.0.zip");
        int acme = rows.get("io.promptmanager.acme");
        assertThat(grid.getCellText(acme, 1)).isEqualTo("2.1.0");
        assertThat(grid.getCellComponent(acme, "status").getElement().getText()).isEqualTo("Started");
        assertThat(grid.getCellText(acme, 3)).isEqualTo("ModelProvider");
        assertThat(grid.getCellText(acme, 4)).isEqualTo("Set: plugins.acme.api-key");
        assertThat(grid.getCellText(acme, 5)).isEmpty();
        int needy = rows.get("io.promptmanager.needy");
        assertThat(grid.getCellComponent(needy, "status").getElement().getText()).isEqualTo("Not configured");
        assertThat(grid.getCellText(needy, 4)).isEqualTo("Missing: plugins.needy.token");
        int later = rows.get("io.promptmanager.later");
        assertThat(grid.getCellComponent(later, "status").getElement().getText()).isEqualTo("Incompatible");
        assertThat(grid.getCellText(later, 5)).contains(">=9.0.0");
        int garbage = rows.get("garbage-1.0.zip");
        assertThat(grid.getCellComponent(garbage, "status").getElement().getText()).isEqualTo("Failed");
        assertThat(grid.getCellText(garbage, 1)).isEqualTo("—");
        assertThat(pageContent()).doesNotContain(SECRET);
        for (int row = 0; row < grid.size(); row++) {
            for (int column = 0; column < 6; column++) {
                assertThat(grid.getCellText(row, column)).doesNotContain(SECRET);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private GridTester<Grid<PluginInfo>, PluginInfo> plugins() {
        return test((Grid<PluginInfo>) find(Grid.class).id("plugins"));
    }
}
