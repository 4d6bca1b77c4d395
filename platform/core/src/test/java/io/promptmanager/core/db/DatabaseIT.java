package io.promptmanager.core.db;

import io.promptmanager.core.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseIT {

    @Test
    void migratesAFreshDatabaseAndAnswersReadiness() {
        try (Database database = TestDatabase.fresh()) {
            long tables = database.dbClient().execute()
                    .get("SELECT count(*) AS n FROM information_schema.tables WHERE table_name IN ('users', 'prompts', 'prompt_versions')")
                    .orElseThrow().column("n").get(Long.class);
            assertThat(tables).isEqualTo(3);
            assertThat(database.isReachable()).isTrue();
        }
    }

    @Test
    void failsWithOneLineReasonWhenTheServerIsUnreachable() {
        var settings = new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/nothing", "u", "secret-pw", null,
                0, 2, Duration.ofSeconds(2));
        assertThatThrownBy(() -> Database.start(settings))
                .isInstanceOf(StartupException.class)
                .hasMessageStartingWith("Database unreachable at jdbc:postgresql://127.0.0.1:1/nothing")
                .hasMessageNotContaining("secret-pw")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
