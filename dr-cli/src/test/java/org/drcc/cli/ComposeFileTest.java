package org.drcc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compose file's variables are resolved as compose resolves them, or ComposeIT would run another deployment. */
class ComposeFileTest {

    private static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @Test
    void defaultsApplyWhenAVariableIsUnsetOrEmptyAndDollarsAreEscaped() {
        ComposeFile compose = new ComposeFile(COMPOSE, Map.of("SET", "value", "EMPTY", ""));
        assertThat(compose.resolve("${SET:-other}|${UNSET:-other}|${EMPTY:-other}|${EMPTY-other}|${UNSET-other}"))
                .isEqualTo("value|other|other||other");
        assertThat(compose.resolve("$SET ${SET} $${SET} ${UNSET}")).isEqualTo("value value ${SET} ");
        assertThat(compose.resolve("${UNSET:-http://${SET}:8080}")).isEqualTo("http://value:8080");
    }

    @Test
    void aRequiredVariableThatIsMissingStopsWithTheFilesMessage() {
        ComposeFile compose = new ComposeFile(COMPOSE, Map.of("EMPTY", ""));
        assertThatThrownBy(() -> compose.resolve("${EMPTY:?set EMPTY to something}"))
                .hasMessageContaining("EMPTY: set EMPTY to something");
        assertThat(compose.resolve("${EMPTY?set it}")).isEmpty();
        assertThatThrownBy(() -> compose.environment("backup-service"))
                .hasMessageContaining("DR_DRILL_CLIENT_SECRET");
    }

    @Test
    void theKeysDirectoryIsTheOneTheDeploymentNames() {
        ComposeFile compose = new ComposeFile(COMPOSE, Map.of("DR_KEYS_DIR", "/srv/dr-keys"));
        assertThat(compose.bindMounts("incident-service")).containsEntry("/keys", "/srv/dr-keys");
        assertThat(new ComposeFile(COMPOSE, Map.of()).bindMounts("incident-service")).containsEntry("/keys", "./keys");
    }
}
