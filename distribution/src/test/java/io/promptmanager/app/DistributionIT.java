package io.promptmanager.app;

import io.promptmanager.core.db.DatabaseSettings;
import io.promptmanager.core.testing.PluginZip;
import io.promptmanager.core.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.promptmanager.app.InstalledDistribution.env;
import static io.promptmanager.app.InstalledDistribution.freePort;
import static org.assertj.core.api.Assertions.assertThat;

/** Unzips the real distribution and runs bin/prompt-manager as an operator would. */
class DistributionIT {
    private static final Duration START = Duration.ofSeconds(120);
    private static final String READY = "Prompt Manager is running";

    private static InstalledDistribution distribution;

    @BeforeAll
    static void install() {
        distribution = InstalledDistribution.unzip();
    }

    @Test
    void zipHoldsTheDocumentedLayout() throws IOException {
        Path home = distribution.home();
        assertThat(home.getFileName().toString()).isEqualTo("prompt-manager-0.1.0");
        assertThat(home.resolve("bin/prompt-manager")).isExecutable();
        assertThat(home.resolve("conf/application.yaml")).content().contains("PM_API_PORT", "PM_DB_URL", "PM_DATA_DIR");
        assertThat(home.resolve("conf/logging.properties")).exists();
        assertThat(home.resolve("plugins")).isDirectory();
        try (var bundled = Files.list(home.resolve("plugins"))) {
            // other tests of this class may have started the installation, expanding the zips beside them
            assertThat(bundled.map(p -> p.getFileName().toString()).filter(name -> name.endsWith(".zip")))
                    .containsExactlyInAnyOrder("openrouter-0.1.0.zip", "keystore-aes-0.1.0.zip",
                            "openai-compatible-0.1.0.zip", "stripe-0.1.0.zip");
        }
        assertThat(home.resolve("docs/getting-started.md")).exists();
        assertThat(home.resolve("LICENSE")).exists();
        assertThat(home.resolve("README")).exists();
        assertThat(home.resolve("lib")).isDirectoryContaining("glob:**/distribution-0.1.0.jar");
    }

    @Test
    void startsOnEmbeddedDefaultsKeepsDataAcrossRestartAndLeavesNoPostgresBehind() throws Exception {
        Path data = Files.createTempDirectory("pm-data");
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();
        int consolePort = freePort();
        Map<String, String> environment = env("PM_DATA_DIR", data, "PM_API_PORT", apiPort,
                "PM_CONSOLE_PORT", consolePort, "PM_ADMIN_API_KEY", operatorKey);

        try (RunningProcess first = distribution.launch(environment)) {
            first.awaitOutput(READY, START);
            assertThat(first.stdout()).contains("administrator account created", "password:");
            assertThat(new ApiClient(apiPort, null).get("/observe/health").statusCode()).isEqualTo(200);
            assertThat(new ApiClient(consolePort, null).get("/login").statusCode()).isEqualTo(200);
            HttpResponse<String> created = new ApiClient(apiPort, operatorKey).post("/api/v1/prompts",
                    "{\"name\":\"kept-across-restarts\",\"description\":\"survives\",\"tags\":[]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            assertThat(first.stop(Duration.ofSeconds(60))).isIn(0, 130, 143);
            assertThat(first.stderr()).contains("Shutting down", "Stopped");
        }
        assertThat(postgresProcessesUsing(data)).as("orphan postgres").isZero();

        try (RunningProcess second = distribution.launch(environment)) {
            second.awaitOutput(READY, START);
            assertThat(second.stdout()).doesNotContain("administrator account created");
            HttpResponse<String> kept = new ApiClient(apiPort, operatorKey).get("/api/v1/prompts/kept-across-restarts");
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("survives");
            second.stop(Duration.ofSeconds(60));
            assertThat(second.stdout() + second.stderr()).doesNotContain(operatorKey);
        }
        assertThat(postgresProcessesUsing(data)).isZero();
    }

    @Test
    void startsWithAConfiguredPluginBesideABrokenOneAndServesItsModels() throws Exception {
        Path plugins = Files.createTempDirectory("pm-plugins");
        PluginZip.plugin("io.promptmanager.openrouter").provider("test.fake.FakeOpenRouter", "openrouter", """
                settings.require("api-key");
                models = List.of(new ModelInfo("fake/model:free", settings.require("base-url"), 4096,
                        new ModelPricing(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), true));
                """).writeTo(plugins);
        Files.write(plugins.resolve("broken-1.0.zip"), new byte[]{'P', 'K', 0});
        String systemKey = "sk-or-v1-" + UUID.randomUUID();
        String operatorKey = "operator-" + UUID.randomUUID() + UUID.randomUUID();
        int apiPort = freePort();

        try (RunningProcess process = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_API_PORT", apiPort, "PM_CONSOLE_PORT", freePort(), "PM_ADMIN_API_KEY", operatorKey,
                "PM_PLUGINS_DIR", plugins, "OPENROUTER_API_KEY", systemKey,
                "PM_OPENROUTER_BASE_URL", "http://127.0.0.1:9/fake/v1"))) {
            process.awaitOutput(READY, START);
            HttpResponse<String> listed = new ApiClient(apiPort, operatorKey).get("/api/v1/admin/plugins");
            HttpResponse<String> models = new ApiClient(apiPort, operatorKey).get("/api/v1/models");
            process.stop(Duration.ofSeconds(60));

            assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
            assertThat(listed.body()).contains("\"id\":\"io.promptmanager.openrouter\"", "\"state\":\"STARTED\"",
                    "\"id\":\"broken-1.0.zip\"", "\"state\":\"FAILED\"").doesNotContain(systemKey);
            assertThat(models.body()).contains("\"id\":\"fake/model:free\"", "\"name\":\"http://127.0.0.1:9/fake/v1\"");
            assertThat(process.stderr()).contains("Plugin broken-1.0.zip skipped: is not a readable plugin zip");
            assertThat(process.stdout() + process.stderr()).doesNotContain(systemKey);
        }
    }

    @Test
    void refusesToStartWhenTheApiPortIsTaken() throws Exception {
        Path data = Files.createTempDirectory("pm-data");
        try (ServerSocket taken = new ServerSocket(0);
             RunningProcess process = distribution.launch(env("PM_DATA_DIR", data,
                     "PM_API_PORT", taken.getLocalPort(), "PM_CONSOLE_PORT", freePort()))) {
            assertThat(process.awaitExit(START)).isEqualTo(1);
            assertThat(process.stderr()).contains("Prompt Manager could not start: API port "
                    + taken.getLocalPort() + " is already in use");
        }
        assertThat(postgresProcessesUsing(data)).isZero();
    }

    @Test
    void refusesToStartWhenTheDatabaseIsUnreachable() throws Exception {
        try (RunningProcess process = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_DB_URL", "jdbc:postgresql://127.0.0.1:1/promptmanager", "PM_DB_PASSWORD", "hunter2-secret",
                "PM_API_PORT", freePort(), "PM_CONSOLE_PORT", freePort()))) {
            assertThat(process.awaitExit(START)).isEqualTo(1);
            assertThat(process.stderr())
                    .contains("Prompt Manager could not start: Database unreachable at jdbc:postgresql://127.0.0.1:1/promptmanager")
                    .doesNotContain("hunter2-secret");
        }
    }

    @Test
    void refusesToStartWhenAMigrationFails() throws Exception {
        DatabaseSettings database = TestDatabase.freshSettings();
        try (var connection = DriverManager.getConnection(database.url());
             var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE users (something_else integer)");
        }
        try (RunningProcess process = distribution.launch(env("PM_DATA_DIR", Files.createTempDirectory("pm-data"),
                "PM_DB_URL", database.url(), "PM_API_PORT", freePort(), "PM_CONSOLE_PORT", freePort()))) {
            assertThat(process.awaitExit(START)).isEqualTo(1);
            assertThat(process.stderr()).contains("Prompt Manager could not start: Database migration failed");
        }
    }

    @Test
    void refusesToStartWithAnUnreadableConfiguration() throws Exception {
        Path broken = Files.createTempFile("application", ".yaml");
        Files.writeString(broken, "api:\n  port: [not, a, port\n");
        try (RunningProcess process = distribution.launch(env("PM_CONFIG", broken,
                "PM_DATA_DIR", Files.createTempDirectory("pm-data")))) {
            assertThat(process.awaitExit(START)).isEqualTo(1);
            assertThat(process.stderr()).contains("Prompt Manager could not start: Cannot read configuration " + broken);
        }
    }

    private static long postgresProcessesUsing(Path data) throws IOException {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> p.resolve("cmdline"))
                    .filter(cmdline -> {
                        try {
                            String text = Files.readString(cmdline).replace('\0', ' ');
                            return text.contains("postgres") && text.contains(data.toString());
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    })
                    .count();
        }
    }
}
